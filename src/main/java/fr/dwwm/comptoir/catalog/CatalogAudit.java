package fr.dwwm.comptoir.catalog;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import fr.dwwm.comptoir.security.AuditLog;

import org.springframework.stereotype.Component;

/**
 * Writes the catalogue's back-office changes to the audit log, with the values before and
 * after: a product, a variant, a category saved; stock adjusted; pictures added, moved,
 * described, deleted; options added. Called by the catalogue's controllers once their
 * service has committed, with the member of staff who asked; what did not change is left
 * out, long texts are cut at {@value #LONGEST} characters.
 */
@Component
class CatalogAudit {

	/** Longest text kept in an audit entry; a product description may be long HTML. */
	static final int LONGEST = 200;

	private final AuditLog audit;

	CatalogAudit(AuditLog audit) {
		this.audit = audit;
	}

	/**
	 * Records a change of one record, with what differed before and after.
	 * @param action e.g. {@code PRODUCT_UPDATE}
	 * @param staffId who changed it
	 * @param target e.g. {@code product:42}
	 * @param before the record before (a Java record), or {@code null} for a creation
	 * @param after the record after (a Java record of the same type)
	 */
	void changed(String action, long staffId, String target, Record before, Record after) {
		Map<String, Object> was = new LinkedHashMap<>();
		Map<String, Object> is = new LinkedHashMap<>();
		for (RecordComponent component : after.getClass().getRecordComponents()) {
			if (component.getName().equals("version") || component.getName().equals("updatedAt")) {
				continue;
			}
			Object old = (before != null) ? value(component, before) : null;
			Object now = value(component, after);
			if (!Objects.equals(old, now)) {
				was.put(component.getName(), old);
				is.put(component.getName(), now);
			}
		}
		Map<String, Object> details = new LinkedHashMap<>();
		if (before != null) {
			details.put("before", was);
		}
		details.put("after", is);
		this.audit.record(action, AuditLog.Outcome.SUCCESS, staffId, target, details);
	}

	/**
	 * Records an action without a record to compare.
	 * @param action e.g. {@code PICTURE_DELETE}
	 * @param staffId who did it
	 * @param target e.g. {@code product:42}
	 * @param details what to keep with it
	 */
	void did(String action, long staffId, String target, Map<String, ?> details) {
		this.audit.record(action, AuditLog.Outcome.SUCCESS, staffId, target, details);
	}

	private static Object value(RecordComponent component, Record record) {
		try {
			Object value = component.getAccessor().invoke(record);
			if (value instanceof String text && text.length() > LONGEST) {
				return text.substring(0, LONGEST) + "…";
			}
			return (value instanceof Number || value instanceof Boolean || value instanceof String || value == null)
					? value : String.valueOf(value);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read " + component.getName(), ex);
		}
	}

}
