package fr.dwwm.comptoir.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contract of the REST API, version 1: springdoc-openapi builds the OpenAPI 3.1
 * document from the controllers of {@code /api/v1} and their annotations
 * ({@code GET /api/openapi.json}); the copy committed as {@code docs/api/openapi.json} is
 * compared with it by {@code ApiContractTests}, so that a changed endpoint changes the
 * committed contract in the same commit.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI comptoirApi() {
		return new OpenAPI().info(new Info().title("Comptoir API").version("1").description("""
				API REST de la boutique Comptoir : catalogue public, panier, commandes et factures du \
				client connecté, jetons d'API ; pour le personnel connecté avec son second facteur, \
				produits, stock et commandes (/api/v1/admin, jamais par un jeton). Sommes en centimes \
				avec leur devise, dates ISO 8601 en UTC, erreurs au format application/problem+json \
				(RFC 9457). Un client sans navigateur s'authentifie par un jeton personnel créé dans \
				« Mon compte › Accès API » (Authorization: Bearer …). \
				/ REST API of the Comptoir shop: public catalogue, cart, the signed-in customer's orders \
				and invoices, API tokens; for staff signed in with their second factor, products, stock \
				and orders (/api/v1/admin, never with a token). Amounts in cents with their currency, \
				ISO 8601 UTC dates, errors as application/problem+json (RFC 9457). A client without a \
				browser authenticates with a personal token created in « Mon compte › Accès API » \
				(Authorization: Bearer …)."""))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("Jeton personnel cpt_… / Personal token cpt_…")));
	}

	/**
	 * Every error of the API is a problem detail (RFC 9457), whatever the operation: the
	 * document says so once, in a shared schema, and the 401 of a missing or refused
	 * token is listed on each operation that needs one.
	 */
	@Bean
	OpenApiCustomizer problemDetails() {
		return (api) -> {
			Schema<?> problem = new ObjectSchema()
				.description("Problème RFC 9457, titre traduit selon Accept-Language. / RFC 9457 problem, title "
						+ "translated after Accept-Language.")
				.addProperty("type", new StringSchema().example("about:blank"))
				.addProperty("title", new StringSchema().example("Introuvable."))
				.addProperty("status", new IntegerSchema().example(404))
				.addProperty("detail", new StringSchema())
				.addProperty("instance", new StringSchema().example("/api/v1/orders/CPT-2026-000042"));
			api.getComponents().addSchemas("Problem", problem);
			api.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
				if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()
						&& !operation.getResponses().containsKey("401")) {
					operation.getResponses()
						.addApiResponse("401", new ApiResponse()
							.description("Sans session ni jeton valable / No session nor valid token"));
				}
				operation.getResponses().forEach((code, response) -> {
					if (code.startsWith("4") || code.startsWith("5")) {
						response.setContent(new Content().addMediaType("application/problem+json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
					}
				});
			}));
		};
	}

}
