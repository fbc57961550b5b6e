package dev.rocketmqtx.camel.test;

import java.security.SecureRandom;
import java.util.Base64;

import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.remoting.RPCHook;

/**
 * The broker user a proxy in front of an access-controlled broker acts as: a super user, made for that proxy with a
 * random password. The proxy needs one to read users and ACLs from the broker and to forward requests; its readiness
 * probe signs with it too.
 */
final class ProxyIdentity {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final String password;

    private ProxyIdentity(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** A new identity, created as a super user of {@code rocketMQ}'s broker. */
    static ProxyIdentity createIn(EmbeddedRocketMQ rocketMQ, String username) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        ProxyIdentity identity = new ProxyIdentity(username, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        rocketMQ.createSuperUser(identity.username, identity.password);
        return identity;
    }

    /** The proxy setting {@code innerClientAuthenticationCredentials}: JSON of RocketMQ's {@code SessionCredentials}. */
    String innerClientCredentialsJson() {
        return "{\"accessKey\":\"" + username + "\",\"secretKey\":\"" + password + "\"}";
    }

    RPCHook signer() {
        return new AclClientRPCHook(new SessionCredentials(username, password));
    }

    @Override
    public String toString() {
        // Never the password.
        return "ProxyIdentity[" + username + "]";
    }
}
