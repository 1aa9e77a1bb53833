package fr.dwwm.comptoir.test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application sends, per thread, so that a test can assert
 * exactly how many queries a page costs (MockMvc runs the request on the test's thread).
 * The count is exact, unlike a duration, so it may be asserted.
 */
public final class SqlStatements implements BeanPostProcessor {

	private static final ThreadLocal<List<String>> STATEMENTS = ThreadLocal.withInitial(ArrayList::new);

	private static final ThreadLocal<int[]> TRANSACTIONS = ThreadLocal.withInitial(() -> new int[1]);

	/** Forgets the statements and transactions counted so far on this thread. */
	public static void reset() {
		STATEMENTS.get().clear();
		TRANSACTIONS.get()[0] = 0;
	}

	/**
	 * Returns how many transactions ended on this thread since the last reset: each
	 * {@code commit} or {@code rollback} of a connection, a round trip to PostgreSQL of
	 * its own (a statement sent with auto-commit, outside a transaction, counts none).
	 * @return transactions committed or rolled back
	 */
	public static int transactions() {
		return TRANSACTIONS.get()[0];
	}

	/**
	 * Returns the statements sent on this thread since the last reset.
	 * @return SQL texts, in order
	 */
	public static List<String> sent() {
		return List.copyOf(STATEMENTS.get());
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
			return ProxyDataSourceBuilder.create(dataSource)
				.name("counted")
				.listener(new Counter())
				.afterMethod((call) -> {
					String method = call.getMethod().getName();
					if (call.getTarget() instanceof Connection
							&& (method.equals("commit") || method.equals("rollback"))) {
						TRANSACTIONS.get()[0]++;
					}
				})
				.build();
		}
		return bean;
	}

	private static final class Counter implements QueryExecutionListener {

		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			for (QueryInfo query : queries) {
				STATEMENTS.get().add(query.getQuery());
			}
		}

	}

}
