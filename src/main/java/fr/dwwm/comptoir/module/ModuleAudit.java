package fr.dwwm.comptoir.module;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.dwwm.comptoir.module.api.ShopAudit;
import fr.dwwm.comptoir.security.AccountPrincipal;
import fr.dwwm.comptoir.security.AuditLog;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Lets modules write to the audit log ({@link ShopAudit}); the action is prefixed with
 * the module's code so that the log tells core and module actions apart.
 */
@Component
class ModuleAudit implements ShopAudit {

	private final AuditLog audit;

	ModuleAudit(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public void record(String moduleCode, String action, String target, Map<String, ?> details) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Long actor = (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal)
				? principal.getAccountId() : null;
		Map<String, Object> all = new LinkedHashMap<>(details);
		all.put("module", moduleCode);
		this.audit.record(action, AuditLog.Outcome.SUCCESS, actor, target, all);
	}

}
