package org.runops.strip;

import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.runops.core.Durations;

/**
 * The one way the RUN database is reached ({@code db.timeout}): every connection gets the timeout as its
 * network (socket read) timeout and every statement as its query timeout, so a database that accepts
 * and never answers fails a query instead of blocking the pass. The connect itself is bounded by the
 * driver settings of {@link #h2Url} and {@link #oracleProperties}, set where the data source is made.
 * Failures become a {@link RunDatabaseException} naming the URL without credentials.
 */
final class TimedDataSource implements DataSource {
    /**
     * For {@code setNetworkTimeout}: work a driver hands it runs on the thread that saw the timeout, so
     * there is no pool to close. (H2 2.5 ignores {@code setNetworkTimeout}; its NETWORK_TIMEOUT URL
     * setting, added by {@link #h2Url}, bounds the socket instead.)
     */
    private static final Executor SAME_THREAD = Runnable::run;
    /** ORA-18714: ojdbc's connect gave up after the data source's login timeout. */
    private static final int ORACLE_LOGIN_TIMEOUT = 18714;

    private final DataSource delegate;
    private final Duration timeout;
    private final String url;

    private TimedDataSource(DataSource delegate, Duration timeout) {
        this.delegate = delegate;
        this.timeout = timeout;
        this.url = redact(urlOf(delegate));
    }

    /** {@code dataSource} with {@code timeout}; an already timed one gets the new timeout (never two layers). */
    static TimedDataSource of(DataSource dataSource, Duration timeout) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new TimedDataSource(dataSource instanceof TimedDataSource t ? t.delegate : dataSource, requirePositive(timeout));
    }

    /** {@code timeout}, when it is more than zero. */
    static Duration requirePositive(Duration timeout) {
        if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the DB timeout must be positive, got " + Durations.describe(timeout));
        }
        return timeout;
    }

    /** An H2 URL whose client socket (connect and every read) gives up after {@code timeout}, unless it sets its own. */
    static String h2Url(String url, Duration timeout) {
        return url.toUpperCase(Locale.ROOT).contains(";NETWORK_TIMEOUT=") ? url : url + ";NETWORK_TIMEOUT=" + millis(timeout);
    }

    /** The Oracle thin driver's connect and socket read timeouts. */
    static Properties oracleProperties(Duration timeout) {
        Properties p = new Properties();
        p.setProperty(oracle.jdbc.OracleConnection.CONNECTION_PROPERTY_THIN_NET_CONNECT_TIMEOUT, Integer.toString(millis(timeout)));
        p.setProperty(oracle.jdbc.OracleConnection.CONNECTION_PROPERTY_THIN_READ_TIMEOUT, Integer.toString(millis(timeout)));
        return p;
    }

    /** A JDBC URL fit for messages: no Oracle {@code user/password@}, no H2 {@code PASSWORD=}. */
    static String redact(String url) {
        return url.replaceAll("(?<=thin:)[^@]+@", "***@").replaceAll("(?i)(?<=;PASSWORD=)[^;]*", "***");
    }

    /** The RUN database exception for a failed {@code what}; a timeout says so, with the limit. */
    RunDatabaseException failure(String what, SQLException e) {
        return new RunDatabaseException(what + " from " + url + (timedOut(e) ? ": timed out after " + Durations.describe(timeout) : ""), e);
    }

    private static boolean timedOut(SQLException e) {
        if (e.getErrorCode() == ORACLE_LOGIN_TIMEOUT) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            // SocketTimeoutException and the drivers' read-timeout exceptions are InterruptedIOExceptions
            if (t instanceof SQLTimeoutException || t instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return timed(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return timed(delegate.getConnection(user, password));
    }

    private Connection timed(Connection c) throws SQLException {
        try {
            c.setNetworkTimeout(SAME_THREAD, millis(timeout));
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        int seconds = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (timeout.toMillis() + 999) / 1000));
        return (Connection) Proxy.newProxyInstance(TimedDataSource.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Statement s) { // createStatement, prepareStatement, prepareCall
                        try {
                            s.setQueryTimeout(seconds);
                        } catch (SQLException e) {
                            try {
                                s.close(); // never hand out a statement without its timeout, nor leak it
                            } catch (SQLException closing) {
                                e.addSuppressed(closing);
                            }
                            throw e;
                        }
                    }
                    return result;
                });
    }

    private static int millis(Duration timeout) {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    private static String urlOf(DataSource ds) {
        try {
            if (ds instanceof JdbcDataSource h2) {
                return h2.getURL();
            }
            if (ds instanceof oracle.jdbc.datasource.impl.OracleDataSource ora) {
                return ora.getURL();
            }
        } catch (SQLException e) {
            // fall through to the class name
        }
        return ds.getClass().getName();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return url + " (timeout " + Durations.describe(timeout) + ")";
    }
}
