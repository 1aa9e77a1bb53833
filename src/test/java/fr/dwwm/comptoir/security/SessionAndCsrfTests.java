package fr.dwwm.comptoir.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions (ANSSI DAT-NT-009 R19-R21, OWASP ASVS 7), CSRF (ASVS 3.5) and rate limiting
 * (ASVS 2.4).
 */
@IntegrationTest
class SessionAndCsrfTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void sessionIdsAndCsrfTokensCarry256RandomBits() {
		Http http = new Http(this.port);
		Map<String, Object> product = this.jdbc
			.sql("SELECT id, slug FROM product WHERE active AND stock > 5 ORDER BY id LIMIT 1")
			.query()
			.singleRow();
		http.postForm("/products/" + product.get("slug"), "/cart/lines", Map.of("variantId",
				String.valueOf(variantOf(((Number) product.get("id")).longValue())), "quantity", "1"));
		// Read from the repository itself: MockMvc's csrf() in other tests swaps the
		// repository of the shared context for one that keeps tokens out of cookies.
		assertThat(SecurityConfiguration.csrfTokens(false).generateToken(new MockHttpServletRequest()).getToken())
			.matches("[A-Za-z0-9_-]{43}");
		String sessionId = new String(Base64.getDecoder().decode(http.cookie("COMPTOIR_SESSION")),
				StandardCharsets.US_ASCII);
		assertThat(sessionId).as("32 random bytes in URL-safe Base64").matches("[A-Za-z0-9_-]{43}");
	}

	@Test
	void theCsrfCookieIsSecureWheneverTheRequestCameOverHttpsAndAlwaysInProduction() {
		assertThat(csrfCookie(false, false)).startsWith("COMPTOIR_CSRF=")
			.containsIgnoringCase("; HttpOnly")
			.doesNotContainIgnoringCase("secure");
		assertThat(csrfCookie(false, true)).as("through the TLS proxy, outside the production profile")
			.containsIgnoringCase("; Secure");
		assertThat(csrfCookie(true, false)).as("production profile")
			.startsWith("__Host-COMPTOIR_CSRF=")
			.containsIgnoringCase("; Secure");
	}

	@Test
	void theSessionIdChangesAtLogin() {
		Account account = this.accounts.customer();
		Http http = new Http(this.port);
		Map<String, Object> product = this.jdbc
			.sql("SELECT id, slug FROM product WHERE active AND stock > 5 ORDER BY id LIMIT 1")
			.query()
			.singleRow();
		http.postForm("/products/" + product.get("slug"), "/cart/lines", Map.of("variantId",
				String.valueOf(variantOf(((Number) product.get("id")).longValue())), "quantity", "1"));
		String guestSession = http.cookie("COMPTOIR_SESSION");
		assertThat(guestSession).as("adding to the cart opened a guest session").isNotNull();
		http.login(account.getEmail(), TestAccounts.PASSWORD);
		assertThat(http.cookie("COMPTOIR_SESSION")).isNotNull().isNotEqualTo(guestSession);
	}

	@Test
	void theSessionCookieIsHttpOnlyLaxAndNeverInTheUrl() {
		Account account = this.accounts.customer();
		Http http = new Http(this.port);
		HttpResponse<String> login = http.login(account.getEmail(), TestAccounts.PASSWORD);
		String cookie = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("COMPTOIR_SESSION="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Domain=");
		assertThat(http.get("/account").body()).doesNotContainIgnoringCase("jsessionid");
	}

	@Test
	void aStaffSessionExpiresAfterFiveIdleMinutesAndACustomerSessionAfterThirty() {
		String secret = Totp.newSecret();
		Account editor = this.accounts.create(Role.EDITOR, secret);
		Account customer = this.accounts.customer();
		new Http(this.port).login(editor.getEmail(), TestAccounts.PASSWORD);
		new Http(this.port).login(customer.getEmail(), TestAccounts.PASSWORD);
		assertThat(maxInactiveInterval(editor)).isEqualTo(5 * 60);
		assertThat(maxInactiveInterval(customer)).isEqualTo(30 * 60);
	}

	@Test
	void aPageThatChangesNothingWritesNoSessionButTheIdleTimeoutStillHolds() {
		Account customer = this.accounts.customer();
		Http http = new Http(this.port);
		http.login(customer.getEmail(), TestAccounts.PASSWORD);
		assertThat(http.get("/account").statusCode()).isEqualTo(200);
		long stored = lastAccess(customer);
		for (int i = 0; i < 3; i++) {
			assertThat(http.get("/account").statusCode()).isEqualTo(200);
		}
		assertThat(lastAccess(customer)).as("pages read within a step write nothing").isEqualTo(stored);

		// Two minutes later (a customer's step is one minute), the next page moves it.
		this.jdbc.sql(
				"UPDATE spring_session SET last_access_time = last_access_time - 120000, expiry_time = expiry_time - 120000"
						+ " WHERE principal_name = :login")
			.param("login", customer.getEmail())
			.update();
		assertThat(http.get("/account").statusCode()).isEqualTo(200);
		assertThat(lastAccess(customer)).as("written again once a step behind")
			.isGreaterThanOrEqualTo(System.currentTimeMillis() - 10_000);

		// Idle for 31 minutes: the session is over, whatever was not written.
		this.jdbc
			.sql("UPDATE spring_session SET last_access_time = last_access_time - 1860000,"
					+ " expiry_time = expiry_time - 1860000 WHERE principal_name = :login")
			.param("login", customer.getEmail())
			.update();
		HttpResponse<String> expired = http.get("/account");
		assertThat(expired.statusCode()).isEqualTo(302);
		assertThat(expired.headers().firstValue("Location").orElseThrow()).contains("/login");
	}

	private long lastAccess(Account account) {
		return this.jdbc.sql("SELECT max(last_access_time) FROM spring_session WHERE principal_name = :login")
			.param("login", account.getEmail())
			.query(Long.class)
			.single();
	}

	@Test
	void aSessionEndsAfterItsAbsoluteLifetimeEvenIfUsed() throws Exception {
		SessionLifetimeFilter filter = new SessionLifetimeFilter(new SessionPolicy(java.time.Duration.ofMinutes(30),
				java.time.Duration.ofHours(8), java.time.Duration.ofMinutes(5), java.time.Duration.ofHours(4)));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/account");
		request.getSession()
			.setAttribute(UserSessions.LOGIN_TIME, Instant.now().minus(java.time.Duration.ofHours(9)).toEpochMilli());
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("client", null,
					List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"))));
		try {
			MockHttpServletResponse response = new MockHttpServletResponse();
			filter.doFilter(request, response, new MockFilterChain());
			assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void formsPostedWithoutTheirCsrfTokenAreRefused() throws Exception {
		this.mvc.perform(post("/register").param("email", "x@exemple.test")).andExpect(status().isForbidden());
		this.mvc.perform(post("/cart/lines").param("variantId", "1")).andExpect(status().isForbidden());
		this.mvc.perform(post("/account/profile").with(user("client@exemple.test")).param("firstName", "Pirate"))
			.andExpect(status().isForbidden());
	}

	@Test
	void jsonPostedWithoutTheCsrfHeaderIsRefused() throws Exception {
		this.mvc.perform(post("/cart/lines").contentType(MediaType.APPLICATION_JSON).content("{\"variantId\": 1}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aBurstOfRegistrationsIsAnsweredWith429AndRetryAfter() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post("/register").with(csrf()).with(from("10.7.0.1")).param("email", "burst@exemple.test"))
				.andExpect(status().isOk());
		}
		this.mvc.perform(post("/register").with(csrf()).with(from("10.7.0.1")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		this.mvc.perform(post("/register").with(csrf()).with(from("10.7.0.1")).header("X-Forwarded-For", "203.0.113.9"))
			.andExpect(status().isTooManyRequests());
	}

	private Integer maxInactiveInterval(Account account) {
		return this.jdbc.sql("SELECT max(max_inactive_interval) FROM spring_session WHERE principal_name = :login")
			.param("login", account.getEmail())
			.query(Integer.class)
			.single();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor csrf() {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private long variantOf(long product) {
		return fr.dwwm.comptoir.catalog.CatalogFixtures.firstVariant(this.jdbc, product);
	}

	private static String csrfCookie(boolean production, boolean https) {
		CsrfTokenRepository tokens = SecurityConfiguration.csrfTokens(production);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSecure(https);
		MockHttpServletResponse response = new MockHttpServletResponse();
		tokens.saveToken(tokens.generateToken(request), request, response);
		return response.getHeader("Set-Cookie");
	}

}
