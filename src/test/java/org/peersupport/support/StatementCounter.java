package org.peersupport.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.peersupport.shared.ReferenceCache;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts every SQL statement the app prepares or runs, through JPA or plain JDBC alike, so a test
 * can prove a page's statement count does not grow with its rows. Hibernate's statistics see only
 * Hibernate; pages built on JdbcTemplate would escape them. The reference cache's poll is left out.
 * With {@code -Ddebug.statements=true} (in surefire's argLine) each counted statement is printed
 * with its thread, to find the one a count did not expect.
 */
public class StatementCounter implements BeanPostProcessor {

    private static final AtomicLong STATEMENTS = new AtomicLong();

    public static void reset() {
        STATEMENTS.set(0);
    }

    public static long count() {
        return STATEMENTS.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
            return new Counting(dataSource);
        }
        return bean;
    }

    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws java.sql.SQLException {
            return counted(super.getConnection(username, password));
        }

        private static Connection counted(Connection connection) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (isStatement(method) && !isReferenceCachePoll(args)) {
                    STATEMENTS.incrementAndGet();
                    if (Boolean.getBoolean("debug.statements")) {
                        System.err.println("STATEMENT " + Thread.currentThread().getName() + " "
                                + (args != null && args.length > 0 ? args[0] : ""));
                    }
                }
                try {
                    return method.invoke(connection, args);
                }
                catch (InvocationTargetException ex) {
                    throw ex.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        }

        /**
         * The reference cache's poll runs every second on its own thread, whatever page is asked
         * for; counting it would make every count depend on the moment.
         */
        private static boolean isReferenceCachePoll(Object[] args) {
            return args != null && args.length > 0 && ReferenceCache.POLL.equals(args[0]);
        }

        private static boolean isStatement(Method method) {
            return switch (method.getName()) {
                case "prepareStatement", "prepareCall", "createStatement" -> true;
                default -> false;
            };
        }
    }
}
