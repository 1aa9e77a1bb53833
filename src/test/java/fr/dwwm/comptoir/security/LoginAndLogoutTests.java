package fr.dwwm.comptoir.security;

import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The login form and the logout, which only a POST with its CSRF token performs: a link
 * or an image on another site cannot log a customer out.
 */
@IntegrationTest
class LoginAndLogoutTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void theLoginPageIsAFrenchFormWithACsrfToken() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Adresse e-mail")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("autocomplete=\"current-password\"")));
	}

	@Test
	void aPasswordManagerFindsThePasswordChangePageAtItsWellKnownAddress() throws Exception {
		this.mvc.perform(get("/.well-known/change-password"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/account/security"));
	}

	@Test
	void aDemoCustomerLogsInWithEmailAndPassword() throws Exception {
		this.mvc
			.perform(post("/login").with(csrf())
				.param("email", "Client@Comptoir.test")
				.param("password", "Tartine-beurre-miel-2026"))
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername("client@comptoir.test").withRoles("CUSTOMER"));
	}

	@Test
	void aWrongPasswordIsRefusedWithAGenericMessage() throws Exception {
		this.mvc.perform(post("/login").with(csrf()).param("email", "client@comptoir.test").param("password", "nope"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
	}

	@Test
	void aVisitorAskingForTheAccountAreaIsSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/account")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	@WithMockUser
	void aGetOnLogoutDoesNotLogOut() throws Exception {
		this.mvc.perform(get("/logout")).andExpect(status().isNotFound()).andExpect(authenticated());
	}

	@Test
	@WithMockUser
	void aPostWithoutTokenDoesNotLogOut() throws Exception {
		this.mvc.perform(post("/logout")).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser
	void aPostWithItsTokenLogsOut() throws Exception {
		this.mvc.perform(post("/logout").with(csrf())).andExpect(redirectedUrl("/?logout"));
	}

}
