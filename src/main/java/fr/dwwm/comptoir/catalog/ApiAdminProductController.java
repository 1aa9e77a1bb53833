package fr.dwwm.comptoir.catalog;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.dwwm.comptoir.security.AccountPrincipal;
import fr.dwwm.comptoir.security.ValidationFailureLog;
import fr.dwwm.comptoir.system.Paged;
import fr.dwwm.comptoir.web.ApiErrors.ApiException;
import fr.dwwm.comptoir.web.ApiMoney;
import fr.dwwm.comptoir.web.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Products in the REST API, for staff (editors and administrators with their second
 * factor, as the back office's product pages): the list with its search, one product, its
 * creation and its change. The body is turned into the back office's {@link ProductForm}
 * and goes through the same validation and the same service
 * ({@link ProductAdministration}), audited the same way: no rule is written twice.
 *
 * <p>
 * HTTP's own tools carry the rest: a product's {@code ETag} is its version, and a change
 * must send it back in {@code If-Match} (428 without it, 412 when someone saved in
 * between: nothing is overwritten); a creation answers 201 with its {@code Location}, and
 * the same {@code Idempotency-Key} sent again finds the product it made. The stock is not
 * part of a product's body: it changes only through stock movements
 * ({@link ApiStockController}).
 */
@RestController
@JsonApi
@RequestMapping(path = "/api/v1/admin/products", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Produits (personnel / staff)",
		description = "Les produits, publiés ou non, pour le personnel connecté avec son second facteur. / "
				+ "Products, published or not, for staff signed in with their second factor.")
class ApiAdminProductController {

	static final int PAGE_SIZE = 50;

	private final ProductAdministration products;

	private final CatalogAudit audit;

	private final SmartValidator validator;

	ApiAdminProductController(ProductAdministration products, CatalogAudit audit, SmartValidator validator) {
		this.products = products;
		this.audit = audit;
		this.validator = validator;
	}

	@GetMapping
	@Operation(summary = "Liste les produits / Lists the products",
			description = "Par nom ou référence (accents et casse ignorés), publiés ou non, par ordre alphabétique. "
					+ "/ By name or SKU (accents and case ignored), published or not, in alphabetical order.")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	ResponseEntity<ApiAdminProductPage> list(
			@Parameter(description = "Partie du nom ou de la référence / Part of the name or SKU") @RequestParam(
					required = false) String q,
			@Parameter(description = "all, active ou/or inactive") @RequestParam(defaultValue = "all") String status,
			@Parameter(description = "Page, à partir de 1 / Page, from 1") @RequestParam(defaultValue = "1") int page) {
		if (!AdminProductController.STATUSES.contains(status)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "api.status.400");
		}
		int pageIndex = Math.max(0, Math.min(page - 1, 10_000));
		Paged<ProductAdministration.Row> found = this.products.search(AdminProductController.searchText(q),
				AdminProductController.published(status), pageIndex, PAGE_SIZE);
		List<ApiAdminProductRow> items = found.items()
			.stream()
			.map((row) -> new ApiAdminProductRow(row.id(), row.sku(), row.name(), new ApiMoney(row.priceCents()),
					row.stock(), row.active()))
			.toList();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(new ApiAdminProductPage(items, found.page() + 1, found.size(), found.total(), found.pageCount()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Lit un produit / Reads a product",
			description = "Son ETag est sa version, à renvoyer dans If-Match pour le modifier. / Its ETag is its "
					+ "version, to send back in If-Match to change it.")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "Produit inconnu / Unknown product")
	ResponseEntity<ApiAdminProduct> product(@PathVariable long id) {
		return answer(HttpStatus.OK, find(id));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Crée un produit / Creates a product",
			description = "Vendu en une déclinaison, sans stock : le stock entre par un mouvement. Avec "
					+ "Idempotency-Key, un envoi répété crée un seul produit. / Sold in one variant, with no stock: "
					+ "stock comes in through a movement. With Idempotency-Key, a repeated request creates one "
					+ "product.")
	@ApiResponse(responseCode = "201", description = "Produit créé / Product created", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200",
			description = "Clé déjà utilisée : le produit qu'elle a créé / Key used before: the product it made",
			useReturnTypeSchema = true)
	@ApiResponse(responseCode = "422",
			description = "Champs invalides, référence ou slug déjà pris, catégorie inconnue / Invalid fields, SKU "
					+ "or slug taken, unknown category")
	ResponseEntity<ApiAdminProduct> create(@AuthenticationPrincipal AccountPrincipal staff,
			@RequestBody ApiProductInput input,
			@Parameter(description = "UUID choisi par le client / A UUID the client chooses") @RequestHeader(
					name = "Idempotency-Key", required = false) String idempotencyKey)
			throws BindException {
		UUID key = ApiStockController.key(idempotencyKey);
		if (key != null) {
			Long earlier = this.products.createdWith(key).orElse(null);
			if (earlier != null) {
				return made(HttpStatus.OK, find(earlier));
			}
		}
		ProductForm form = input.toForm(null);
		validate(form);
		long id;
		try {
			id = this.products.create(form, key);
		}
		catch (ProductRefusal | DataIntegrityViolationException ex) {
			// The same key at the same instant: the other request made the product.
			Long made = (key != null) ? this.products.createdWith(key).orElse(null) : null;
			if (made != null) {
				return made(HttpStatus.OK, find(made));
			}
			if (ex instanceof ProductRefusal refusal) {
				throw refused(refusal, form);
			}
			throw ex;
		}
		ProductAdministration.Details created = find(id);
		this.audit.changed("PRODUCT_CREATE", staff.getAccountId(), "product:" + id, null, created);
		return made(HttpStatus.CREATED, created);
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Modifie un produit / Changes a product",
			description = "Le corps entier, publication comprise ; If-Match porte l'ETag lu. Le prix ne change ici "
					+ "que pour un produit vendu en une déclinaison. / The whole body, publication included; If-Match "
					+ "carries the ETag read. The price changes here only for a product sold in one variant.")
	@ApiResponse(responseCode = "200", description = "Enregistré / Saved", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "Produit inconnu / Unknown product")
	@ApiResponse(responseCode = "412",
			description = "Modifié entre-temps : relire le produit / Changed meanwhile: read the product again")
	@ApiResponse(responseCode = "422", description = "Champs invalides / Invalid fields")
	@ApiResponse(responseCode = "428", description = "If-Match manquant / If-Match missing")
	ResponseEntity<ApiAdminProduct> update(@AuthenticationPrincipal AccountPrincipal staff, @PathVariable long id,
			@RequestBody ApiProductInput input,
			@Parameter(description = "L'ETag du produit lu / The ETag of the product read") @RequestHeader(
					name = "If-Match", required = false) String ifMatch)
			throws BindException {
		ProductAdministration.Details before = find(id);
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "api.status.428");
		}
		Integer version = version(ifMatch);
		if (version == null || version != before.version()) {
			throw new ApiException(HttpStatus.PRECONDITION_FAILED, "api.status.412");
		}
		ProductForm form = input.toForm(version);
		validate(form);
		try {
			this.products.update(id, form);
		}
		catch (ProductRefusal refusal) {
			if (refusal.isStale()) {
				throw new ApiException(HttpStatus.PRECONDITION_FAILED, "api.status.412");
			}
			throw refused(refusal, form);
		}
		ProductAdministration.Details after = find(id);
		this.audit.changed("PRODUCT_UPDATE", staff.getAccountId(), "product:" + id, before, after);
		return answer(HttpStatus.OK, after);
	}

	private ProductAdministration.Details find(long id) {
		return this.products.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "api.status.404"));
	}

	/**
	 * Checks the form with the back office's constraints.
	 * @throws BindException with one error per field, answered 422 by {@code ApiErrors}
	 */
	private void validate(ProductForm form) throws BindException {
		BindingResult errors = new BeanPropertyBindingResult(form, "product");
		this.validator.validate(form, errors);
		if (errors.hasErrors()) {
			throw inApiTerms(errors);
		}
	}

	private static BindException refused(ProductRefusal refusal, ProductForm form) {
		BindingResult errors = new BeanPropertyBindingResult(form, "product");
		refusal.rejectIn(errors);
		return inApiTerms(errors);
	}

	/**
	 * The form's errors named as the body's fields: the form's {@code price} (euros) is
	 * the body's {@code priceCents}; the messages stay the form's. Logged as any refused
	 * input.
	 */
	private static BindException inApiTerms(BindingResult formErrors) {
		BindingResult errors = new BeanPropertyBindingResult(formErrors.getTarget(), "product");
		formErrors.getGlobalErrors().forEach(errors::addError);
		for (FieldError error : formErrors.getFieldErrors()) {
			String field = "price".equals(error.getField()) ? "priceCents" : error.getField();
			errors.addError(new FieldError("product", field, error.getRejectedValue(), error.isBindingFailure(),
					error.getCodes(), error.getArguments(), error.getDefaultMessage()));
		}
		ValidationFailureLog.watch(errors);
		return new BindException(errors);
	}

	/** The version in an {@code If-Match} header, {@code "7"} or {@code W/"7"}. */
	private static Integer version(String ifMatch) {
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		if (!tag.matches("\"[0-9]{1,9}\"")) {
			return null;
		}
		return Integer.valueOf(tag.substring(1, tag.length() - 1));
	}

	/** A product made by a creation, now or before with its key: where it is. */
	private static ResponseEntity<ApiAdminProduct> made(HttpStatus status, ProductAdministration.Details product) {
		return answer(status, product, URI.create("/api/v1/admin/products/" + product.id()));
	}

	private static ResponseEntity<ApiAdminProduct> answer(HttpStatus status, ProductAdministration.Details product) {
		return answer(status, product, null);
	}

	private static ResponseEntity<ApiAdminProduct> answer(HttpStatus status, ProductAdministration.Details product,
			URI location) {
		ApiAdminProduct body = new ApiAdminProduct(product.id(), product.sku(), product.name(), product.slug(),
				product.summary(), product.description(), new ApiMoney(product.priceCents()),
				product.vatRate().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), product.categoryId(),
				product.stock(), product.active(), product.updatedAt());
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
			.eTag("\"" + product.version() + "\"")
			.cacheControl(CacheControl.noStore().cachePrivate());
		if (location != null) {
			builder.location(location);
		}
		return builder.body(body);
	}

	/**
	 * A product created or changed: the back office form's fields, the price in cents.
	 *
	 * @param name its name, 150 characters at most
	 * @param slug its URL segment, or {@code null} to make one from the name
	 * @param sku its reference, capitals, digits and dashes
	 * @param summary its summary, 300 characters at most
	 * @param description its description
	 * @param priceCents its price including VAT, in cents
	 * @param vatRate {@code "20.00"} or {@code "5.50"}
	 * @param categoryId its category
	 * @param active whether it is published
	 */
	record ApiProductInput(@Schema(example = "Théière en fonte") String name,
			@Schema(example = "theiere-en-fonte", description = "Facultatif / Optional") String slug,
			@Schema(example = "MAI-CERA-010") String sku,
			@Schema(example = "Une théière en fonte émaillée de 80 cl.") String summary,
			@Schema(example = "Fonte émaillée, filtre inox, 80 cl, fabriquée en Normandie.") String description,
			@Schema(example = "4590") Long priceCents, @Schema(example = "20.00", allowableValues = {
					"20.00", "5.50" }) String vatRate,
			@Schema(example = "4") Long categoryId, @Schema(example = "false") Boolean active){

		/**
		 * Fills the back office's form, trimmed as the form's binder trims (blank is no
		 * value); a price in cents is written in euros as typed in the form.
		 */
		ProductForm toForm(Integer version) {
			ProductForm form = new ProductForm();
			form.setName(trimmed(this.name));
			form.setSlug(trimmed(this.slug));
			form.setSku(trimmed(this.sku));
			form.setSummary(trimmed(this.summary));
			form.setDescription(trimmed(this.description));
			form.setPrice((this.priceCents == null) ? null : (this.priceCents < 0) ? String.valueOf(this.priceCents)
					: (this.priceCents / 100) + "." + String.format("%02d", this.priceCents % 100));
			form.setVatRate(trimmed(this.vatRate));
			form.setCategoryId(this.categoryId);
			form.setActive(Boolean.TRUE.equals(this.active));
			form.setVersion(version);
			return form;
		}

		private static String trimmed(String text) {
			return (text == null || text.isBlank()) ? null : text.strip();
		}

	}

	/**
	 * A product for staff.
	 *
	 * @param id its id
	 * @param sku its reference
	 * @param name its name
	 * @param slug its URL segment
	 * @param summary its summary
	 * @param description its description
	 * @param price its price (the lowest of its variants')
	 * @param vatRate its VAT rate in per cent
	 * @param categoryId its category
	 * @param stock units in stock, all variants
	 * @param active whether it is published
	 * @param updatedAt its last change (ISO 8601, UTC)
	 */
	record ApiAdminProduct(long id, String sku, String name, String slug, String summary, String description,
			ApiMoney price, String vatRate, long categoryId, int stock, boolean active, Instant updatedAt) {
	}

	/**
	 * A product in the staff list.
	 *
	 * @param id its id
	 * @param sku its reference
	 * @param name its name
	 * @param price its price
	 * @param stock units in stock
	 * @param active whether it is published
	 */
	record ApiAdminProductRow(long id, String sku, String name, ApiMoney price, int stock, boolean active) {
	}

	/**
	 * A page of the staff list.
	 *
	 * @param items the products
	 * @param page its number, from 1
	 * @param size products per page
	 * @param total products found
	 * @param pages pages in all
	 */
	record ApiAdminProductPage(List<ApiAdminProductRow> items, int page, int size, long total, int pages) {
	}

}
