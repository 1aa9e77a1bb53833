package fr.dwwm.comptoir.catalog;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import fr.dwwm.comptoir.security.AccountPrincipal;
import fr.dwwm.comptoir.system.Paged;
import fr.dwwm.comptoir.web.BackOfficeFlash;
import fr.dwwm.comptoir.web.NoIndex;
import fr.dwwm.comptoir.web.PageLinks;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Products in the back-office (editors and administrators): the list with its search,
 * filter and pages; the form to create or change one, publication included, which refuses
 * a stale form rather than overwrite someone else's change; its pictures; its stock,
 * changed only by adjustments that keep a history.
 *
 * <p>
 * The rules live in the catalog's services ({@link ProductAdministration},
 * {@link ImageUploadCheck}, {@link ProductImages}, {@link Stock}); this controller turns
 * their answers into pages and messages. An upload over the container's limit is answered
 * by {@link AdminUploadLimitAdvice}.
 */
@Controller
@NoIndex
class AdminProductController {

	static final int PAGE_SIZE = 20;

	static final int HISTORY_SIZE = 20;

	static final int MAX_SEARCH_LENGTH = 100;

	/** Flash attribute: key of a message saying what was done. */
	static final String MESSAGE = BackOfficeFlash.MESSAGE;

	/** Flash attribute: key of a message saying what was refused. */
	static final String ERROR = BackOfficeFlash.ERROR;

	static final List<String> STATUSES = List.of("all", "active", "inactive");

	private final ProductAdministration products;

	private final ProductImages images;

	private final ImageUploadCheck uploads;

	private final Stock stock;

	private final VariantAdministration variants;

	private final CatalogAudit audit;

	AdminProductController(ProductAdministration products, ProductImages images, ImageUploadCheck uploads, Stock stock,
			VariantAdministration variants, CatalogAudit audit) {
		this.products = products;
		this.audit = audit;
		this.variants = variants;
		this.images = images;
		this.uploads = uploads;
		this.stock = stock;
	}

	@InitBinder("product")
	void allowedFields(WebDataBinder binder) {
		// Never the stock nor the id: they do not come from this form.
		binder.setAllowedFields("name", "slug", "sku", "summary", "description", "price", "vatRate", "categoryId",
				"active", "version");
		// An empty slug is no value (one is made from the name), not an invalid one.
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/admin/products")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "1") int page, Model model) {
		String text = searchText(q);
		String wanted = (status != null && STATUSES.contains(status)) ? status : "all";
		Boolean active = published(wanted);
		int pageIndex = Math.max(0, Math.min(page - 1, 10_000));
		Paged<ProductAdministration.Row> result = this.products.search(text, active, pageIndex, PAGE_SIZE);
		Map<String, String> kept = new LinkedHashMap<>();
		kept.put("q", text);
		kept.put("status", "all".equals(wanted) ? null : wanted);
		model.addAttribute("result", result);
		model.addAttribute("pages", PageLinks.of("/admin/products", kept, result.page(), result.pageCount()));
		model.addAttribute("q", text);
		model.addAttribute("status", wanted);
		model.addAttribute("statuses", STATUSES);
		return "admin/products";
	}

	/**
	 * The text searched in the product list (the page's or the REST API's): trimmed, at
	 * most {@value #MAX_SEARCH_LENGTH} characters.
	 * @param q the text typed, or {@code null}
	 * @return the text to search, possibly empty
	 */
	static String searchText(String q) {
		String text = (q != null) ? q.strip() : "";
		return (text.length() > MAX_SEARCH_LENGTH) ? text.substring(0, MAX_SEARCH_LENGTH) : text;
	}

	/**
	 * The publication a status filter of the product list asks for.
	 * @param status one of {@link #STATUSES}
	 * @return published only ({@code true}), unpublished only ({@code false}) or both
	 * ({@code null})
	 */
	static Boolean published(String status) {
		return switch (status) {
			case "active" -> Boolean.TRUE;
			case "inactive" -> Boolean.FALSE;
			default -> null;
		};
	}

	@GetMapping("/admin/products/new")
	String newForm(Model model) {
		return formPage(null, new ProductForm(), model);
	}

	@PostMapping("/admin/products")
	String create(@Valid @ModelAttribute("product") ProductForm form, BindingResult errors, Model model,
			@AuthenticationPrincipal AccountPrincipal staff, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return formPage(null, form, model);
		}
		try {
			long id = this.products.create(form);
			this.audit.changed("PRODUCT_CREATE", staff.getAccountId(), "product:" + id, null, find(id));
			redirect.addFlashAttribute(MESSAGE, "admin.products.created");
			return "redirect:/admin/products/" + id;
		}
		catch (ProductRefusal refusal) {
			refusal.rejectIn(errors);
			return formPage(null, form, model);
		}
	}

	@GetMapping("/admin/products/{id}")
	String editForm(@PathVariable long id, Model model, Locale locale) {
		ProductAdministration.Details details = find(id);
		return formPage(details, ProductForm.of(details, locale), model);
	}

	@PostMapping("/admin/products/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("product") ProductForm form, BindingResult errors,
			Model model, @AuthenticationPrincipal AccountPrincipal staff, RedirectAttributes redirect,
			HttpServletResponse response) {
		ProductAdministration.Details details = find(id);
		if (form.getVersion() == null || form.getVersion() != details.version()) {
			// Said at once, before any other error: the form must be reloaded anyway.
			return stale(details, form, model, response);
		}
		if (errors.hasErrors()) {
			return formPage(details, form, model);
		}
		try {
			this.products.update(id, form);
		}
		catch (ProductRefusal refusal) {
			if (refusal.isStale()) {
				return stale(details, form, model, response);
			}
			refusal.rejectIn(errors);
			return formPage(details, form, model);
		}
		this.audit.changed("PRODUCT_UPDATE", staff.getAccountId(), "product:" + id, details, find(id));
		redirect.addFlashAttribute(MESSAGE, "admin.products.saved");
		return "redirect:/admin/products/" + id;
	}

	@PostMapping("/admin/products/{id}/stock")
	String adjustStock(@PathVariable long id, @RequestParam(required = false) String variant,
			@RequestParam(required = false) String delta, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String note, @AuthenticationPrincipal AccountPrincipal staff,
			RedirectAttributes redirect) {
		find(id);
		String back = "redirect:/admin/products/" + id;
		Long variantId = (variant != null && variant.matches("[0-9]{1,18}")) ? Long.valueOf(variant) : null;
		if (variant == null) {
			// A product sold in one variant: the form needs no choice.
			List<VariantAdministration.Row> all = this.variants.ofProduct(id);
			variantId = (all.size() == 1) ? all.get(0).id() : null;
		}
		if (variantId == null || !this.variants.belongsTo(id, variantId)) {
			redirect.addFlashAttribute(ERROR, "admin.stock.variant-invalid");
			return back;
		}
		Integer change = parseDelta(delta);
		if (change == null) {
			redirect.addFlashAttribute(ERROR, "admin.stock.delta.invalid");
			return back;
		}
		Stock.Reason why = Stock.Reason.staffReasons()
			.stream()
			.filter((r) -> r.name().equals(reason))
			.findFirst()
			.orElse(null);
		if (why == null) {
			redirect.addFlashAttribute(ERROR, "admin.stock.reason-invalid");
			return back;
		}
		String text = (note != null && !note.isBlank()) ? note.strip() : null;
		if (text != null && text.length() > Stock.MAX_NOTE) {
			redirect.addFlashAttribute(ERROR, "admin.stock.note-too-long");
			return back;
		}
		OptionalInt after = this.stock.adjust(id, variantId, change, why, text, staff.getAccountId());
		if (after.isPresent()) {
			this.audit.did("STOCK_ADJUST", staff.getAccountId(), "product:" + id, Map.of("variant", variantId, "before",
					after.getAsInt() - change, "after", after.getAsInt(), "reason", why.name()));
		}
		redirect.addFlashAttribute(after.isPresent() ? MESSAGE : ERROR,
				after.isPresent() ? "admin.stock.adjusted" : "admin.stock.below-zero");
		return back;
	}

	/**
	 * One picture per request. Its original name is never used: the check only refuses a
	 * name that tries to climb the folders.
	 */
	@PostMapping("/admin/products/{id}/images")
	String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String altText, @RequestParam(required = false) String variant,
			@AuthenticationPrincipal AccountPrincipal staff, RedirectAttributes redirect) {
		find(id);
		String back = "redirect:/admin/products/" + id;
		Long variantId = null;
		if (variant != null && !variant.isBlank()) {
			variantId = variant.matches("[0-9]{1,18}") ? Long.valueOf(variant) : null;
			if (variantId == null || !this.variants.belongsTo(id, variantId)) {
				redirect.addFlashAttribute(ERROR, "admin.upload.variant-invalid");
				return back;
			}
		}
		String alt = (altText != null) ? altText.strip() : "";
		if (alt.isEmpty()) {
			redirect.addFlashAttribute(ERROR, "admin.upload.alt-required");
			return back;
		}
		if (alt.length() > ProductImages.MAX_ALT_TEXT) {
			redirect.addFlashAttribute(ERROR, "admin.upload.alt-too-long");
			return back;
		}
		if (file == null) {
			redirect.addFlashAttribute(ERROR, "admin.upload.empty");
			return back;
		}
		try (InputStream content = file.getInputStream()) {
			BufferedImage picture = this.uploads.check(file.getOriginalFilename(), file.getSize(), content);
			String name = this.images.append(id, variantId, picture, alt);
			this.audit.did("PICTURE_ADD", staff.getAccountId(), "product:" + id, Map.of("file", name, "alt", alt));
			redirect.addFlashAttribute(MESSAGE, "admin.upload.saved");
		}
		catch (ProductRefusal refusal) {
			redirect.addFlashAttribute(ERROR, refusal.getMessageKey());
		}
		catch (IOException ex) {
			redirect.addFlashAttribute(ERROR, "admin.upload.unreadable");
		}
		return back;
	}

	@PostMapping("/admin/products/{id}/images/{imageId}/move")
	String moveImage(@PathVariable long id, @PathVariable long imageId,
			@RequestParam(defaultValue = "") String direction, @AuthenticationPrincipal AccountPrincipal staff,
			RedirectAttributes redirect) {
		if (!direction.equals("up") && !direction.equals("down")) {
			redirect.addFlashAttribute(ERROR, "admin.products.images.direction-invalid");
			return "redirect:/admin/products/" + id;
		}
		if (!this.images.move(id, imageId, direction.equals("up"))) {
			throw new ResponseStatusException(NOT_FOUND);
		}
		this.audit.did("PICTURE_MOVE", staff.getAccountId(), "product:" + id,
				Map.of("picture", imageId, "direction", direction));
		redirect.addFlashAttribute(MESSAGE, "admin.products.images.moved");
		return "redirect:/admin/products/" + id;
	}

	@PostMapping("/admin/products/{id}/images/{imageId}/alt")
	String describeImage(@PathVariable long id, @PathVariable long imageId,
			@RequestParam(required = false) String altText, @AuthenticationPrincipal AccountPrincipal staff,
			RedirectAttributes redirect) {
		String alt = (altText != null) ? altText.strip() : "";
		if (alt.isEmpty() || alt.length() > ProductImages.MAX_ALT_TEXT) {
			redirect.addFlashAttribute(ERROR,
					alt.isEmpty() ? "admin.upload.alt-required" : "admin.upload.alt-too-long");
			return "redirect:/admin/products/" + id;
		}
		String before = this.images.ofProduct(id)
			.stream()
			.filter((image) -> image.id() == imageId)
			.map(ProductImages.Stored::altText)
			.findFirst()
			.orElse(null);
		if (!this.images.describe(id, imageId, alt)) {
			throw new ResponseStatusException(NOT_FOUND);
		}
		this.audit.did("PICTURE_DESCRIBE", staff.getAccountId(), "product:" + id,
				Map.of("picture", imageId, "before", String.valueOf(before), "after", alt));
		redirect.addFlashAttribute(MESSAGE, "admin.products.images.described");
		return "redirect:/admin/products/" + id;
	}

	@PostMapping("/admin/products/{id}/images/{imageId}/delete")
	String deleteImage(@PathVariable long id, @PathVariable long imageId,
			@RequestParam(defaultValue = "false") boolean confirm, @AuthenticationPrincipal AccountPrincipal staff,
			RedirectAttributes redirect) {
		if (!confirm) {
			// A picture deleted is gone for good: the box is ticked first (RGAA 11.12).
			redirect.addFlashAttribute(ERROR, "admin.products.images.delete.unconfirmed");
			return "redirect:/admin/products/" + id + "#photos";
		}
		if (!this.images.delete(id, imageId)) {
			throw new ResponseStatusException(NOT_FOUND);
		}
		this.audit.did("PICTURE_DELETE", staff.getAccountId(), "product:" + id, Map.of("picture", imageId));
		redirect.addFlashAttribute(MESSAGE, "admin.upload.deleted");
		return "redirect:/admin/products/" + id;
	}

	private ProductAdministration.Details find(long id) {
		return this.products.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

	/**
	 * The form again, with what the editor typed (so nothing is lost) and the message
	 * that the product changed meanwhile; 409 Conflict. The version stays the one the
	 * form was opened from: only reloading the page gives the current one.
	 */
	private String stale(ProductAdministration.Details details, ProductForm form, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("stale", true);
		return formPage(details, form, model);
	}

	private String formPage(ProductAdministration.Details details, ProductForm form, Model model) {
		model.addAttribute("product", form);
		model.addAttribute("details", details);
		model.addAttribute("categories", this.products.categories());
		if (details != null) {
			model.addAttribute("images", this.images.ofProduct(details.id()));
			List<VariantAdministration.Row> rows = this.variants.ofProduct(details.id());
			Locale locale = LocaleContextHolder.getLocale();
			model.addAttribute("variants", rows);
			model.addAttribute("variantForms", rows.stream()
				.collect(Collectors.toMap(VariantAdministration.Row::id, (row) -> VariantForm.of(row, locale))));
			model.addAttribute("options", this.variants.options());
			model.addAttribute("movements", this.stock.history(details.id(), HISTORY_SIZE));
			model.addAttribute("reasons", Stock.Reason.staffReasons());
		}
		return "admin/product-form";
	}

	/** A whole number of units, not 0, within the limits; {@code null} otherwise. */
	private static Integer parseDelta(String delta) {
		if (delta == null || delta.isBlank()) {
			return null;
		}
		try {
			int value = Integer.parseInt(delta.strip());
			boolean allowed = value != 0 && value >= -Stock.MAX_DELTA && value <= Stock.MAX_DELTA;
			return allowed ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
