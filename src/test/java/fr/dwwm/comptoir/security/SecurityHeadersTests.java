package fr.dwwm.comptoir.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every response carries the headers that make browsers refuse injected scripts, framing
 * and leaks (ANSSI PA-009, OWASP ASVS 3.4).
 */
@IntegrationTest
class SecurityHeadersTests {

	private static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9_-]{22})'");

	@Autowired
	private MockMvc mvc;

	@LocalServerPort
	private int port;

	@Test
	void pagesSendAStrictContentSecurityPolicy() throws Exception {
		String policy = this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("Content-Security-Policy");
		assertThat(policy).contains("default-src 'self'")
			.contains("style-src 'self';")
			.contains("object-src 'none'")
			.contains("base-uri 'none'")
			.contains("frame-ancestors 'none'")
			.contains("form-action 'self'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval")
			.doesNotContain("data:")
			.containsPattern(NONCE);
	}

	@Test
	void theNonceChangesOnEveryRequest() throws Exception {
		assertThat(nonceOf(this.mvc.perform(get("/")).andReturn()))
			.isNotEqualTo(nonceOf(this.mvc.perform(get("/")).andReturn()));
	}

	@Test
	void errorPagesAndStaticFilesGetThePolicyToo() throws Exception {
		this.mvc.perform(get("/no-such-page"))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Security-Policy", NONCE_MATCHER));
		this.mvc.perform(get("/css/comptoir.css"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", NONCE_MATCHER));
	}

	@Test
	void aRequestTheFirewallRefusesGetsTheSecurityHeadersToo() {
		// Before: a bare 400 page, without any of them (seen failing,
		// OfflineCopyAttackTests).
		for (String path : List.of("/account;x=1", "/cart;jsessionid=1")) {
			HttpResponse<String> refused = new Http(this.port).get(path, "Accept", "text/html");
			assertThat(refused.statusCode()).as(path).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying((policy) -> assertThat(policy).containsPattern(NONCE));
			assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
			assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(refused.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(refused.headers().firstValue("Permissions-Policy")).as(path)
				.hasValue(SecurityConfiguration.PERMISSIONS_POLICY);
			String nonce = nonceOf(refused.headers().firstValue("Content-Security-Policy").orElseThrow());
			assertThat(refused.body()).as("the error page's scripts run under the policy")
				.contains("nonce=\"" + nonce + "\"");
		}
	}

	@Test
	void otherSecurityHeadersAreSent() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().string("Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
	}

	private static final org.hamcrest.Matcher<String> NONCE_MATCHER = org.hamcrest.Matchers
		.matchesPattern(".*script-src 'self' 'nonce-[A-Za-z0-9_-]{22}'.*");

	private static String nonceOf(MvcResult result) {
		return nonceOf(result.getResponse().getHeader("Content-Security-Policy"));
	}

	private static String nonceOf(String policy) {
		Matcher matcher = NONCE.matcher(policy);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}
