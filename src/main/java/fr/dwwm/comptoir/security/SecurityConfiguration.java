package fr.dwwm.comptoir.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Who may reach what, and the security headers of every response.
 *
 * <p>
 * The storefront is public; the account area needs a login; the back-office needs a staff
 * role. Only the health check of the actuator is reachable. CSRF protection stays on for
 * every form and every JSON write, and logout is a POST.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Browser features the shop never uses are switched off for every page. */
	static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
			+ "magnetometer=(), microphone=(), payment=(), usb=()";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		// Actuator endpoints other than health are neither exposed nor accessible
		// (application.properties): they answer 404 like any unknown page.
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/account/**")
			.authenticated()
			.requestMatchers("/admin/**")
			.hasAnyRole("EDITOR", "ADMIN")
			.anyRequest()
			.permitAll());
		http.formLogin((form) -> form.loginPage("/login").usernameParameter("email").permitAll());
		http.logout((logout) -> logout.logoutSuccessUrl("/?logout"));
		http.headers((headers) -> headers
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
		http.addFilterBefore(new ContentSecurityPolicyFilter(), HeaderWriterFilter.class);
		return http.build();
	}

}
