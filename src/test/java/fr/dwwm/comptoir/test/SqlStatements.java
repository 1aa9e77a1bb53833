package fr.dwwm.comptoir.test;

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

	/** Forgets the statements counted so far on this thread. */
	public static void reset() {
		STATEMENTS.get().clear();
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
			return ProxyDataSourceBuilder.create(dataSource).name("counted").listener(new Counter()).build();
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
