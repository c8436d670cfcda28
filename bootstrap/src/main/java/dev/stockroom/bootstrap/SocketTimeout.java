package dev.stockroom.bootstrap;

import java.sql.SQLException;
import java.util.Map;
import org.apache.tomcat.jdbc.pool.ConnectionPool;
import org.apache.tomcat.jdbc.pool.JdbcInterceptor;
import org.apache.tomcat.jdbc.pool.PoolProperties.InterceptorProperty;
import org.apache.tomcat.jdbc.pool.PooledConnection;

/**
 * Sets the JDBC network timeout (the socket's read timeout) on every connection the pool hands
 * out, to the millisecond: PostgreSQL's driver takes {@code socketTimeout} in whole seconds only,
 * and a read that waits on a frozen server must give up well inside the two seconds a client is
 * promised an answer in. Named in the pool's {@code jdbcInterceptors} as
 * {@code dev.stockroom.bootstrap.SocketTimeout(millis=1500)}.
 */
public final class SocketTimeout extends JdbcInterceptor {
    private int millis;

    @Override
    public void setProperties(Map<String, InterceptorProperty> properties) {
        super.setProperties(properties);
        InterceptorProperty value = properties.get("millis");
        if (value != null) {
            millis = value.getValueAsInt(0);
        }
    }

    @Override
    public void reset(ConnectionPool parent, PooledConnection con) {
        if (con == null || millis <= 0) {
            return;
        }
        try {
            if (con.getConnection().getNetworkTimeout() != millis) {
                con.getConnection().setNetworkTimeout(Runnable::run, millis);
            }
        } catch (SQLException | AbstractMethodError | UnsupportedOperationException e) {
            // A driver without network timeouts keeps its socketTimeout property.
        }
    }
}
