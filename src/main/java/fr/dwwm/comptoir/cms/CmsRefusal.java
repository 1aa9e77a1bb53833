package fr.dwwm.comptoir.cms;

import fr.dwwm.comptoir.web.FormRefusal;

/**
 * Why the back-office could not save a change to the shop's content (a page, a menu link,
 * a block): nothing was saved.
 */
class CmsRefusal extends FormRefusal {

	/** The message of a form sent from a version that is no longer current. */
	public static final String STALE = "admin.cms.stale";

	private static final long serialVersionUID = 1L;

	CmsRefusal(String field, String messageKey) {
		super(field, messageKey, false);
	}

	private CmsRefusal() {
		super(null, STALE, true);
	}

	static CmsRefusal stale() {
		return new CmsRefusal();
	}

}
