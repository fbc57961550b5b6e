package dev.rocketmqtx.camel.reliability;

import java.nio.file.Path;
import java.sql.SQLException;

import org.h2.tools.Server;

/**
 * An H2 database server on loopback, in this test JVM, over a file database in a build folder: the shared database of
 * several application JVMs. A JVM killed with SIGKILL is only a client of it, so what that JVM committed stays
 * committed and what it had not committed is rolled back when its connections drop, as with any database server.
 */
final class DatabaseServer implements AutoCloseable {

    private final Server server;
    private final String url;

    private DatabaseServer(Server server, String url) {
        this.server = server;
        this.url = url;
    }

    /** Starts a server whose databases are files under {@code dir}; {@code name} is created on first connection. */
    static DatabaseServer start(Path dir, String name) {
        int port = Ports.free();
        try {
            Server server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir",
                    dir.toAbsolutePath().toString(), "-ifNotExists").start();
            return new DatabaseServer(server, "jdbc:h2:tcp://127.0.0.1:" + port + "/" + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start the H2 server on port " + port, e);
        }
    }

    /** The JDBC URL of the database, for every JVM of the test. */
    String url() {
        return url;
    }

    @Override
    public void close() {
        server.stop();
    }
}
