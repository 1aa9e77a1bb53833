package fr.dwwm.comptoir.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Adds the browser's and the driver's versions to every failure of a browser test: a test
 * green on one machine and red on another most often differs by Chromium's version, and
 * the report should say it without a second run.
 */
class BrowserVersionsOnFailure implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
		throw named(throwable);
	}

	@Override
	public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
			throws Throwable {
		throw named(throwable);
	}

	@Override
	public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
			throws Throwable {
		throw named(throwable);
	}

	@Override
	public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable)
			throws Throwable {
		throw named(throwable);
	}

	private static Throwable named(Throwable throwable) {
		throwable.addSuppressed(new BrowserVersions(Browser.versions()));
		return throwable;
	}

	/** Carries the versions into the failure's report; never thrown on its own. */
	static final class BrowserVersions extends Exception {

		private static final long serialVersionUID = 1L;

		BrowserVersions(String versions) {
			super("Browser: " + versions, null, false, false);
		}

	}

}
