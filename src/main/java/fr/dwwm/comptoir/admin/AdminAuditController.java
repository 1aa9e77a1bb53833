package fr.dwwm.comptoir.admin;

import fr.dwwm.comptoir.web.NoIndex;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.AuditLogQueries.Filter;
import fr.dwwm.comptoir.security.AuditLogQueries;
import fr.dwwm.comptoir.system.Paged;
import fr.dwwm.comptoir.web.PageLinks;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log in the back-office (administrators only), read-only: who did what, when,
 * from where and with which outcome, newest first, filtered by action (exact, or its
 * start followed by {@code *}), outcome, actor and days.
 */
@Controller
@NoIndex
class AdminAuditController {

	private final AuditLogQueries queries;

	AdminAuditController(AuditLogQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String outcome,
			@RequestParam(defaultValue = "") String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "1") int page, Model model) {
		AuditLog.Outcome wantedOutcome = Arrays.stream(AuditLog.Outcome.values())
			.filter((candidate) -> candidate.name().equals(outcome))
			.findFirst()
			.orElse(null);
		Filter filter = Filter.of(action, wantedOutcome, actor, from, to);
		Paged<AuditLogQueries.Entry> result = this.queries.find(filter, Math.max(0, Math.min(page - 1, 10_000)));
		Map<String, Object> kept = new LinkedHashMap<>();
		kept.put("action", filter.action());
		kept.put("outcome", filter.outcome());
		kept.put("actor", filter.actor());
		kept.put("from", filter.from());
		kept.put("to", filter.to());
		model.addAttribute("filter", filter);
		// What was typed stays in the field, even when it cannot be an action.
		model.addAttribute("typedAction", action.strip());
		model.addAttribute("invalidAction", !Filter.validAction(action));
		model.addAttribute("outcomes", AuditLog.Outcome.values());
		model.addAttribute("result", result);
		model.addAttribute("pages", PageLinks.of("/admin/audit", kept, result.page(), result.pageCount()));
		return "admin/audit";
	}

}
