package dev.rocketmqtx.camel.test;

import java.nio.file.Path;
import java.util.Collections;

import org.apache.rocketmq.auth.authentication.provider.LocalAuthenticationMetadataProvider;
import org.apache.rocketmq.auth.authorization.provider.LocalAuthorizationMetadataProvider;
import org.apache.rocketmq.auth.config.AuthConfig;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/** Translates an {@link EmbeddedRocketMQConfig} into the settings objects of RocketMQ's servers. */
final class ServerSettings {

    static final String LOOPBACK = "127.0.0.1";

    private static final int MIB = 1024 * 1024;
    /** Bytes per consume queue entry (offset 8 + size 4 + tag hash 8). */
    private static final int CONSUME_QUEUE_UNIT = 20;
    /** The broker's 18 delay levels, all 1 s: consumer redelivery uses them (10 s, 30 s, 1 min, ... by default). */
    private static final String ALL_DELAY_LEVELS_ONE_SECOND = String.join(" ", Collections.nCopies(18, "1s"));

    private ServerSettings() {
    }

    static NamesrvConfig namesrv(Path storeDir) {
        NamesrvConfig config = new NamesrvConfig();
        // The defaults live under user.home and would be shared by every name server on the machine.
        config.setKvConfigPath(storeDir.resolve("namesrv").resolve("kvConfig.json").toString());
        config.setConfigStorePath(storeDir.resolve("namesrv").resolve("namesrv.properties").toString());
        return config;
    }

    static NettyServerConfig server(int port) {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress(LOOPBACK);
        config.setListenPort(port);
        return config;
    }

    static BrokerConfig broker(EmbeddedRocketMQConfig settings, String namesrvAddr, int port) {
        BrokerConfig config = new BrokerConfig();
        config.setBrokerClusterName(settings.clusterName());
        config.setBrokerName(settings.brokerName());
        config.setNamesrvAddr(namesrvAddr);
        // Clients connect to the address the broker registers; the default is the first site-local IP.
        config.setBrokerIP1(LOOPBACK);
        config.setListenPort(port);
        // SQL92 subscriptions (MessageSelector.bySql) are refused unless property filtering is on.
        config.setEnablePropertyFilter(true);
        config.setTransactionTimeOut(settings.transactionTimeOutMillis());
        config.setTransactionCheckInterval(settings.transactionCheckIntervalMillis());
        config.setTransactionOpBatchInterval(settings.transactionOpBatchIntervalMillis());
        config.setTransactionCheckMax(settings.transactionCheckMax());
        // A send waits at most 200 ms in the broker's queue before it is refused as "broker busy"; on a test machine
        // whose CPUs are shared with a build, that refuses sends a real deployment would never see refused.
        config.setWaitTimeMillsInSendQueue(3000);
        // Topic message types (TopicMessageType: NORMAL, TRANSACTION, ...) are enforced only by a
        // proxy, for every client sending through it. Clients connected to this broker directly are not
        // checked, so createTopic leaves the attribute unset unless asked, and one topic takes normal and
        // transactional sends.
        settings.brokerCustomizer().accept(config);
        return config;
    }

    static MessageStoreConfig store(EmbeddedRocketMQConfig settings, Path storeDir, int haPort) {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(storeDir.toString());
        config.setStorePathCommitLog(storeDir.resolve("commitlog").toString());
        // Both default to paths under user.home, whatever the root dir.
        config.setStorePathEpochFile(storeDir.resolve("epochFileCheckpoint").toString());
        config.setStorePathBrokerIdentity(storeDir.resolve("brokerIdentity").toString());
        config.setHaListenPort(haPort);
        // The production sizes (1 GiB commit log, 300k-entry queues, 5M-slot index, 100 MiB timer log)
        // cost seconds of file preallocation and a lot of address space for nothing in tests.
        config.setMappedFileSizeCommitLog(64 * MIB);
        config.setMappedFileSizeConsumeQueue(100_000 * CONSUME_QUEUE_UNIT);
        config.setMaxHashSlotNum(10_000);
        config.setMaxIndexNum(40_000);
        config.setMappedFileSizeTimerLog(8 * MIB);
        // Consumer retries wait 1 s each instead of 10 s, 30 s, 1 min, ...
        config.setMessageDelayLevel(ALL_DELAY_LEVELS_ONE_SECOND);
        // The timer's flush thread compares its whole 38 MiB wheel byte by byte, by default every second: steady CPU
        // on a 2-core machine for a feature the tests hardly use (transactional messages cannot be delayed; consumer
        // retries use delay levels). Switching the timer off instead makes the broker log an error every few minutes.
        config.setTimerFlushIntervalMs(60_000);
        // A test machine with a nearly full disk would otherwise make the broker refuse every write.
        config.setDiskSpaceWarningLevelRatio(98);
        settings.storeCustomizer().accept(config);
        return config;
    }

    static AuthConfig auth(EmbeddedRocketMQConfig settings, Path storeDir) {
        // Same wiring as the broker's startup main; authentication stays off unless customized.
        AuthConfig config = new AuthConfig();
        config.setConfigName(settings.brokerName());
        config.setClusterName(settings.clusterName());
        config.setAuthConfigPath(storeDir.resolve("config").toString());
        if (settings.accessControl()) {
            config.setAuthenticationEnabled(true);
            config.setAuthorizationEnabled(true);
            // Without metadata providers the broker has nowhere to keep users and ACLs, and refuses every request.
            config.setAuthenticationMetadataProvider(LocalAuthenticationMetadataProvider.class.getName());
            config.setAuthorizationMetadataProvider(LocalAuthorizationMetadataProvider.class.getName());
        }
        settings.authCustomizer().accept(config);
        return config;
    }
}
