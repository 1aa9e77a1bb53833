package fr.dwwm.comptoir.security;

import jakarta.servlet.Filter;

import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Puts the shop's own CSRF token repository back into the shared test context.
 *
 * <p>
 * Spring Security's {@code csrf()} request post-processor, used by many MockMvc tests,
 * replaces the repository of the context's {@code CsrfFilter} for good with a test one
 * that keeps the token in the HTTP session. From then on every page with a form creates a
 * session, which the shop itself never does (its tokens live in a cookie). The repository
 * is put back before every test of every Spring test class ({@link BeforeEachTest},
 * declared in {@code META-INF/spring.factories}), so that no test depends on which test
 * ran before it (OfflineCopyAttackTests saw a session on a product page when it ran after
 * a MockMvc test).
 */
public final class ShopCsrfTokens {

	private ShopCsrfTokens() {
	}

	/**
	 * Restores the cookie-held repository the shop configures (tests run over plain HTTP,
	 * hence the cookie without the {@code __Host-} prefix).
	 * @param chains the context's security filter chains
	 */
	public static void restore(FilterChainProxy chains) {
		for (SecurityFilterChain chain : chains.getFilterChains()) {
			for (Filter filter : chain.getFilters()) {
				if (filter instanceof CsrfFilter csrf) {
					ReflectionTestUtils.setField(csrf, "tokenRepository", SecurityConfiguration.csrfTokens(false));
				}
			}
		}
	}

	/**
	 * Restores the shop's repository before each test method of a Spring test class.
	 */
	public static final class BeforeEachTest implements TestExecutionListener {

		@Override
		public void beforeTestMethod(TestContext testContext) {
			if (testContext.hasApplicationContext()) {
				ApplicationContext context = testContext.getApplicationContext();
				context.getBeanProvider(FilterChainProxy.class).ifAvailable(ShopCsrfTokens::restore);
			}
		}

	}

}
