package fr.dwwm.comptoir.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The interactive page of the REST API ({@code /api/docs}): Swagger UI, served as a
 * WebJar, reading the contract at {@code /api/openapi.json}, under the shop's Content
 * Security Policy (its scripts are files, none inline). Demo mode only
 * ({@code app.demo.enabled}): a production shop publishes its contract, not a console.
 */
@Controller
@NoIndex
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class ApiDocsController {

	@GetMapping("/api/docs")
	String page() {
		return "web/api-docs";
	}

}
