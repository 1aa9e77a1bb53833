package fr.dwwm.comptoir.catalog;

import fr.dwwm.comptoir.web.BackOfficeFlash;

import fr.dwwm.comptoir.security.AccountPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The options products may vary by (« Contenance », « Taille »…) and their values, in the
 * back office. Values are added, never renamed nor deleted here: order lines keep the
 * label they were sold with, and a value in use must stay what it says.
 */
@Controller
class AdminOptionController {

	/** Longest name of an option type or value (the database checks it too). */
	static final int MAX_LENGTH = 50;

	private final VariantAdministration variants;

	private final CatalogAudit audit;

	AdminOptionController(VariantAdministration variants, CatalogAudit audit) {
		this.variants = variants;
		this.audit = audit;
	}

	@GetMapping("/admin/options")
	String list(Model model) {
		model.addAttribute("options", this.variants.options());
		model.addAttribute("properties", VariantAdministration.SCHEMA_PROPERTIES);
		return "admin/options";
	}

	@PostMapping("/admin/options")
	String addType(@RequestParam(required = false) String name, @RequestParam(required = false) String property,
			@AuthenticationPrincipal AccountPrincipal staff, RedirectAttributes redirect) {
		String text = (name != null) ? name.strip() : "";
		String schema = (property == null || property.isBlank()) ? null : property;
		if (text.isEmpty() || text.length() > MAX_LENGTH || !plain(text)) {
			return refused("admin.options.name.invalid", text, redirect);
		}
		if (schema != null && !VariantAdministration.SCHEMA_PROPERTIES.contains(schema)) {
			return refused("admin.options.property.invalid", text, redirect);
		}
		try {
			this.variants.addType(text, schema);
		}
		catch (ProductRefusal refusal) {
			return refused(refusal.getMessageKey(), text, redirect);
		}
		this.audit.did("OPTION_TYPE_ADD", staff.getAccountId(), "option_type:" + text,
				java.util.Map.of("property", String.valueOf(schema)));
		redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.options.type.added");
		return "redirect:/admin/options";
	}

	@PostMapping("/admin/options/{typeId}/values")
	String addValue(@PathVariable long typeId, @RequestParam(required = false) String label,
			@AuthenticationPrincipal AccountPrincipal staff, RedirectAttributes redirect) {
		String text = (label != null) ? label.strip() : "";
		if (text.isEmpty() || text.length() > MAX_LENGTH || !plain(text)) {
			return refused("admin.options.label.invalid", null, redirect);
		}
		try {
			this.variants.addValue(typeId, text);
		}
		catch (ProductRefusal refusal) {
			return refused(refusal.getMessageKey(), null, redirect);
		}
		this.audit.did("OPTION_VALUE_ADD", staff.getAccountId(), "option_type:" + typeId,
				java.util.Map.of("value", text));
		redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.options.value.added");
		return "redirect:/admin/options#option-" + typeId;
	}

	/** Without « = » nor « | », which separate options in the CSV files (ProductCsv). */
	private static boolean plain(String text) {
		return text.indexOf('=') < 0 && text.indexOf('|') < 0;
	}

	private static String refused(String key, String typedName, RedirectAttributes redirect) {
		redirect.addFlashAttribute(BackOfficeFlash.ERROR, key);
		redirect.addFlashAttribute("typedName", typedName);
		return "redirect:/admin/options";
	}

}
