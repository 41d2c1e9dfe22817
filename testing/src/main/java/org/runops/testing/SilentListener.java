package org.runops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP listener on loopback that accepts every connection and never answers: a database server that
 * hangs. Clients connect at once and then wait for a reply that does not come.
 *
 * <pre>{@code
 * try (SilentListener db = SilentListener.start()) {
 *     String url = "jdbc:h2:tcp://127.0.0.1:" + db.port() + "/mem:x";
 * }
 * }</pre>
 */
public final class SilentListener implements AutoCloseable {
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> accepted = new ArrayList<>();

    private SilentListener(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptForever, "silent-listener-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on a free port of 127.0.0.1. */
    public static SilentListener start() {
        try {
            return new SilentListener(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptForever() {
        try {
            while (true) {
                Socket s = server.accept();
                synchronized (accepted) {
                    accepted.add(s); // held open, never read or written
                }
            }
        } catch (IOException closed) {
            // close() ends the loop
        }
    }

    /** Stops listening and drops every accepted connection. */
    @Override
    public void close() throws IOException {
        server.close();
        synchronized (accepted) {
            for (Socket s : accepted) {
                s.close();
            }
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
