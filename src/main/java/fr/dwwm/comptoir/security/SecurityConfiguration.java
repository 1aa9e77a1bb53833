package fr.dwwm.comptoir.security;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Who may reach what, how people log in, and the security headers of every response.
 *
 * <ul>
 * <li>The storefront is public; the account area needs a login; the back-office needs a
 * staff role <em>and</em> a second factor proved during the session.</li>
 * <li>Passwords are checked by Spring Security's {@code DaoAuthenticationProvider} behind
 * {@link LoginThrottle}; an account's status (not activated, disabled) is only revealed
 * after a correct password.</li>
 * <li>CSRF protection stays on for every form and every JSON write; logout is a
 * POST.</li>
 * <li>Forms that attackers automate are rate limited ({@link RateLimitFilter}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Browser features the shop never uses are switched off for every page. */
	static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
			+ "magnetometer=(), microphone=(), payment=(), usb=()";

	/** What a page sent from the shop tells another site it came from. */
	static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

	/** Header of the logout response that empties the browser's copies of the shop. */
	static final String CLEAR_SITE_DATA = "Clear-Site-Data";

	/** Requests a REST API token may make per minute, wherever it is sent from. */
	static final int API_REQUESTS_PER_TOKEN = 300;

	/** The limits of {@link RateLimitFilter}, per client IP address, or per API token. */
	static final List<RateLimitFilter.Rule> RATE_LIMITS = List.of(
			new RateLimitFilter.Rule("login", HttpMethod.POST, "/login", 20, Duration.ofMinutes(1)),
			new RateLimitFilter.Rule("second-factor", HttpMethod.POST, "/login/second-factor/**", 10,
					Duration.ofMinutes(1)),
			new RateLimitFilter.Rule("passkey-login", HttpMethod.POST, "/login/webauthn", 20, Duration.ofMinutes(1)),
			new RateLimitFilter.Rule("passkey-options", HttpMethod.POST, "/webauthn/authenticate/options", 30,
					Duration.ofMinutes(1)),
			new RateLimitFilter.Rule("register", HttpMethod.POST, "/register/**", 5, Duration.ofMinutes(10)),
			new RateLimitFilter.Rule("password-reset", HttpMethod.POST, "/password/forgot", 5, Duration.ofMinutes(10)),
			new RateLimitFilter.Rule("email-change", HttpMethod.POST, "/account/email", 5, Duration.ofMinutes(10)),
			new RateLimitFilter.Rule("contact", HttpMethod.POST, "/contact", 3, Duration.ofMinutes(10)),
			new RateLimitFilter.Rule("newsletter", HttpMethod.POST, "/modules/newsletter/**", 5,
					Duration.ofMinutes(10)),
			new RateLimitFilter.Rule("search", HttpMethod.GET, "/search", 60, Duration.ofMinutes(1)),
			new RateLimitFilter.Rule("search-api", HttpMethod.GET, "/api/v1/search", 120, Duration.ofMinutes(1)),
			new RateLimitFilter.Rule("api-token", null, "/api/v1/**", API_REQUESTS_PER_TOKEN, Duration.ofMinutes(1),
					true),
			new RateLimitFilter.Rule("checkout", HttpMethod.POST, "/checkout", 10, Duration.ofMinutes(1)));

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SessionPolicy sessionPolicy,
			ApplicationEventPublisher events, @Value("${app.security.trust-loopback:false}") boolean trustLoopback,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies, MessageSource messages,
			LocaleResolver locales, List<CarriedOverLogin> carriedOverLogin, UserDetailsService users,
			WebAuthnRelyingPartyOperations passkeyRelyingParty, AuthenticationEventPublisher authenticationEvents,
			UserSessions userSessions, ApiTokenResolver apiTokens, RateLimitCounters rateLimitCounters, AuditLog audit)
			throws Exception {
		// Back-office: orders (and their returns), customers, the audit log and modules
		// are for
		// administrators; the
		// catalog and the dashboard for editors too. Always with a second factor proved.
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/admin/orders/**", "/admin/returns/**", "/admin/promo-codes/**", "/admin/shipping/**",
					"/admin/customers/**", "/admin/staff/**", "/admin/audit/**", "/admin/modules/**")
			.access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("ADMIN"),
					AuthorityAuthorizationManager.hasAnyAuthority(Factors.TOTP, Factors.WEBAUTHN)))
			.requestMatchers("/api/v1/admin/orders/**", "/api/v1/admin/orders")
			.access(StaffApi.withSecondFactor("ROLE_ADMIN"))
			.requestMatchers("/api/v1/admin/**")
			.access(StaffApi.withSecondFactor("ROLE_EDITOR", "ROLE_ADMIN"))
			.requestMatchers("/admin/**")
			.access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasAnyRole("EDITOR", "ADMIN"),
					AuthorityAuthorizationManager.hasAnyAuthority(Factors.TOTP, Factors.WEBAUTHN)))
			.requestMatchers("/account/**", "/login/second-factor/**", "/api/v1/orders/**", "/api/v1/tokens/**")
			.authenticated()
			.anyRequest()
			.permitAll());
		http.formLogin((form) -> form.loginPage("/login")
			.usernameParameter("email")
			.successHandler(new LoginSuccessHandler(sessionPolicy, events))
			.failureHandler(new LoginFailureHandler())
			.permitAll());
		// Passkeys (WebAuthn): Spring Security's filters serve the ceremonies
		// (/webauthn/register/options, /webauthn/register,
		// /webauthn/authenticate/options,
		// /login/webauthn); the shop's own pages replace the default registration page,
		// its
		// provider checks the account's status, and the login keeps the shop's rules
		// (fresh
		// session, audit, staff's single session). PasskeyRegistrationGuard asks for the
		// password again before a passkey is added.
		ProviderManager passkeyLogin = new ProviderManager(
				new PasskeyAuthenticationProvider(passkeyRelyingParty, users));
		passkeyLogin.setAuthenticationEventPublisher(authenticationEvents);
		http.webAuthn((passkeys) -> passkeys.disableDefaultRegistrationPage(true)
			.creationOptionsRepository(new SessionPasskeyCreationOptions())
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationManager(passkeyLogin);
					filter.setAuthenticationSuccessHandler(
							new PasskeyLoginSuccessHandler(sessionPolicy, events, userSessions));
					filter.setSessionAuthenticationStrategy(new FreshSessionAtLogin(carriedOverLogin));
					return filter;
				}
			}));
		http.addFilterBefore(new PasskeyRegistrationGuard(), AnonymousAuthenticationFilter.class);
		// Where the signed-in person is kept: in the request (a REST API client's token,
		// for this request only) or in the session. Session management reads the same:
		// it finds the token's authentication in the request and opens no session for it.
		http.securityContext((context) -> context.securityContextRepository(new DelegatingSecurityContextRepository(
				new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository())));
		// A login starts from a clean session: new id, and only what a feature carries
		// over.
		http.sessionManagement(
				(sessions) -> sessions.sessionAuthenticationStrategy(new FreshSessionAtLogin(carriedOverLogin)));
		// Logging out empties what this browser kept of the shop (the service worker and
		// its copies of pages, the HTTP cache, local storage), so that nothing of a
		// customer stays on a shared phone. Browsers honour Clear-Site-Data over HTTPS
		// and on localhost; Spring's ClearSiteDataHeaderWriter would leave the local demo
		// out (it writes only on requests it sees as secure), hence a plain header.
		http.logout((logout) -> logout.logoutSuccessUrl("/?logout")
			.addLogoutHandler(
					new HeaderWriterLogoutHandler(new StaticHeadersWriter(CLEAR_SITE_DATA, "\"cache\", \"storage\""))));
		// Password managers find where to change a password:
		// /.well-known/change-password.
		http.passwordManagement((passwords) -> passwords.changePasswordPage("/account/security"));
		// The CSRF token lives in its own cookie (HttpOnly, SameSite=Lax) rather than in
		// the
		// session: a visitor who only browses never gets a session, so pages stay cheap
		// to
		// serve. Forms carry the token (masked differently on each page, against BREACH)
		// and the server compares it with the cookie.
		// A client of the REST API that sends a personal token instead of a session
		// cookie
		// needs no CSRF token: a page of another site cannot add the Authorization header
		// without a CORS preflight, which the shop answers with nothing (CORS closed).
		http.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens(secureCookies))
			.ignoringRequestMatchers(ApiTokenAuthenticationFilter::isTokenApiRequest));
		// The JSON API gets problem details, not the login page or an HTML error page.
		ApiProblemResponses apiProblems = new ApiProblemResponses(messages, locales);
		http.addFilterBefore(new ApiTokenAuthenticationFilter(apiTokens, users, apiProblems, apiProblems),
				AnonymousAuthenticationFilter.class);
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		// Pages keep Spring Security's usual answers: the login page, the 403 error page.
		// A refused CSRF token is written in the audit log first.
		http.exceptionHandling(
				(exceptions) -> exceptions.defaultAccessDeniedHandlerFor(new CsrfRefusalAudit(apiProblems, audit), api)
					.defaultAccessDeniedHandlerFor(new CsrfRefusalAudit(new AccessDeniedHandlerImpl(), audit),
							AnyRequestMatcher.INSTANCE)
					.defaultAuthenticationEntryPointFor(apiProblems, api)
					.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
							AnyRequestMatcher.INSTANCE));
		http.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(REFERRER_POLICY))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
		http.addFilterBefore(new ContentSecurityPolicyFilter(), HeaderWriterFilter.class);
		http.addFilterBefore(new RateLimitFilter(RATE_LIMITS, rateLimitCounters, trustLoopback),
				UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(new SessionLifetimeFilter(sessionPolicy), AuthorizationFilter.class);
		return http.build();
	}

	static CsrfTokenRepository csrfTokens(boolean secure) {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieName(secure ? "__Host-COMPTOIR_CSRF" : "COMPTOIR_CSRF");
		// The scripts send the token in this header (api.js): Spring Security's usual
		// name.
		tokens.setHeaderName("X-CSRF-TOKEN");
		// Secure whenever the request came over HTTPS (the repository's own default, as
		// for
		// the session cookie), and always in production.
		tokens.setCookieCustomizer((cookie) -> {
			cookie.httpOnly(true).sameSite("Lax").path("/");
			if (secure) {
				cookie.secure(true);
			}
		});
		return new StrongCsrfTokens(tokens);
	}

	/**
	 * Session identifiers of 256 random bits instead of Spring Session's UUIDs (122
	 * bits): the identifier is the credential of a logged-in visitor.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> strongSessionIdentifiers() {
		return (sessions) -> sessions.setSessionIdGenerator(() -> RandomTokens.urlSafe(RandomTokens.SECRET_BYTES));
	}

	/**
	 * The sessions Spring Session's filter and {@link UserSessions} use: PostgreSQL's,
	 * whose last access time is written at most once per step instead of on every
	 * request, read without a transaction and written in one
	 * ({@link CoalescedSessionRepository}).
	 * @param transactionManager the shop's transactions, for the writes
	 * @return the post-processor that sets them up
	 */
	@Bean
	static BeanPostProcessor coalescedSessions(ObjectProvider<PlatformTransactionManager> transactionManager) {
		// Spring Boot's JDBC sessions are kept (its settings, the customizers below, the
		// expired sessions' clean-up), wrapped once made: a SessionRepository bean of our
		// own would make Boot back off and build none. Its configuration is told to give
		// the repository no transaction: a TransactionOperations bean would do it too,
		// but would also make Boot back off from the TransactionTemplate others use. The
		// wrapper opens a new one for each write, as Spring Session's configuration did.
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcHttpSessionConfiguration configuration) {
					configuration.setTransactionOperations(TransactionOperations.withoutTransaction());
				}
				return bean;
			}

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcIndexedSessionRepository sessions) {
					TransactionTemplate writes = new TransactionTemplate(transactionManager.getObject());
					writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
					return CoalescedSessionRepository.of(sessions, writes);
				}
				return bean;
			}
		};
	}

	/**
	 * Forgets, when each request ends, the session it saved (see
	 * {@link CoalescedSessionRepository}): placed just outside Spring Session's filter.
	 * @param sessions the sessions, as wrapped by {@link #coalescedSessions}
	 * @return the filter's registration
	 */
	@Bean
	FilterRegistrationBean<ForgetSavedSessionFilter> forgetSavedSessions(SessionRepository<?> sessions) {
		FilterRegistrationBean<ForgetSavedSessionFilter> registration = new FilterRegistrationBean<>(
				new ForgetSavedSessionFilter((CoalescedSessionRepository<?>) sessions));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	/**
	 * Two requests of one session that add the same attribute at the same instant (a form
	 * sent twice in parallel: both store a flash message) would both insert its row, and
	 * the second would fail on the primary key with a 500: PostgreSQL's upsert makes the
	 * second an update ({@code AfterSaleAttackTests} sends ten at once).
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer concurrentSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/**
	 * Password login: Spring Security's provider, with old hashes upgraded at login and
	 * the account's status checked only after the password, behind the throttle.
	 */
	@Bean
	ThrottledAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder,
			UserDetailsPasswordService passwordUpgrades, LoginThrottle throttle, AuditLog audit) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		passwords.setUserDetailsPasswordService(passwordUpgrades);
		passwords.setPreAuthenticationChecks((user) -> {
			// Nothing before the password: an account's status must not reveal that it
			// exists.
		});
		passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		passwords.setHideUserNotFoundExceptions(true);
		return new ThrottledAuthenticationProvider(passwords, throttle, audit);
	}

	/**
	 * Requests the firewall refuses get 400 with the security headers of every page.
	 */
	@Bean
	RequestRejectedHandler rejectedRequestHeaders() {
		return new RejectedRequestHeaders();
	}

	/**
	 * Publishes refused accesses, which {@link SecurityAudit} writes to the audit log.
	 */
	@Bean
	AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
		return new SpringAuthorizationEventPublisher(publisher);
	}

	/**
	 * No tracing of Spring Security's own steps. The shop sends no trace anywhere, and
	 * with Actuator present each request wrapped every filter of the chain in an
	 * observation: about 2 % of the processor time of a page, for nothing
	 * (docs/performance.md). The security events that matter are written to the audit log
	 * ({@link SecurityAudit}).
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

}
