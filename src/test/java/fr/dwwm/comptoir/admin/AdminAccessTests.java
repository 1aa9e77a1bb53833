package fr.dwwm.comptoir.admin;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.security.Factors;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Who may open the back-office: every {@code /admin} route the application declares (read
 * from Spring MVC's handler mappings, so a new screen cannot be forgotten) is refused to
 * a customer; orders and their returns, promotion codes, customers, staff accounts, the
 * audit log and modules are refused to an editor.
 */
@IntegrationTest
class AdminAccessTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Autowired
	private TestAccounts accounts;

	@LocalServerPort
	private int port;

	@Test
	void aCustomerGets403OnEveryAdminRoute() throws Exception {
		List<String[]> routes = adminRoutes();
		assertThat(routes).as("admin routes found")
			.extracting((route) -> route[1])
			.contains("/admin", "/admin/orders/1");
		for (String[] route : routes) {
			int status = this.mvc
				.perform(request(org.springframework.http.HttpMethod.valueOf(route[0]), route[1]).with(csrf())
					.with(user("client@exemple.test").roles("CUSTOMER")))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(route[0] + " " + route[1]).isEqualTo(403);
		}
	}

	@Test
	void anEditorGets403OnOrdersReturnsCustomersStaffTheAuditLogAndModulesButOpensTheDashboard() throws Exception {
		List<String> adminOnlyPrefixes = List.of("/admin/orders", "/admin/returns", "/admin/promo-codes",
				"/admin/shipping", "/admin/customers", "/admin/staff", "/admin/audit", "/admin/modules");
		assertThat(adminRoutes()).as("the new administrators' screens are among the routes read")
			.extracting((route) -> route[1])
			.contains("/admin/returns", "/admin/staff", "/admin/staff/1/role", "/admin/orders/1/refund",
					"/admin/promo-codes", "/admin/promo-codes/1", "/admin/shipping", "/admin/shipping/1",
					"/admin/shipping/1/move");
		for (String[] route : adminRoutes()) {
			boolean adminOnly = adminOnlyPrefixes.stream().anyMatch(route[1]::startsWith);
			if (!adminOnly) {
				continue;
			}
			int status = this.mvc
				.perform(request(org.springframework.http.HttpMethod.valueOf(route[0]), route[1]).with(csrf())
					.with(user("editeur@exemple.test").authorities(new SimpleGrantedAuthority("ROLE_EDITOR"),
							new SimpleGrantedAuthority(Factors.TOTP))))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(route[0] + " " + route[1]).isEqualTo(403);
		}
		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		assertThat(editor.http().get("/admin").statusCode()).isEqualTo(200);
		assertThat(editor.http().get("/admin").body()).doesNotContain("href=\"/admin/orders\"")
			.doesNotContain("href=\"/admin/returns\"")
			.doesNotContain("href=\"/admin/staff\"")
			.doesNotContain("href=\"/admin/promo-codes\"")
			.doesNotContain("href=\"/admin/shipping\"");
		// Sales figures are the orders': the editor's dashboard has none, the
		// administrator's has them all.
		Document editorsDashboard = Jsoup.parse(editor.http().get("/admin").body());
		assertThat(editorsDashboard.select("[data-kpi], #chart-data, #sales-chart, #top-chart")).isEmpty();
		assertThat(editorsDashboard.select("#low-stock-title")).hasSize(1);
		Document adminsDashboard = Jsoup
			.parse(StaffLogin.as(Role.ADMIN, this.accounts, this.port).http().get("/admin").body());
		assertThat(adminsDashboard.select("[data-kpi]")).hasSize(4);
		assertThat(adminsDashboard.select("#chart-data")).hasSize(1);
	}

	/** Every route under /admin with its method, path variables filled with a sample. */
	private List<String[]> adminRoutes() {
		Set<String> routes = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/admin")) {
					String path = pattern.replaceAll("\\{[^}]+}", "1");
					for (RequestMethod verb : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
						routes.add(verb.name() + " " + path);
					}
				}
			}
		});
		return routes.stream().map((route) -> route.split(" ", 2)).toList();
	}

}
