package fr.dwwm.comptoir.module;

/**
 * Compares {@code major.minor.patch} versions by number ({@code 1.10.0} is after
 * {@code 1.9.0}, which a text comparison gets wrong).
 */
final class Versions {

	private Versions() {
	}

	static int compare(String left, String right) {
		String[] a = left.split("\\.");
		String[] b = right.split("\\.");
		for (int i = 0; i < 3; i++) {
			int difference = Integer.compare(Integer.parseInt(a[i]), Integer.parseInt(b[i]));
			if (difference != 0) {
				return difference;
			}
		}
		return 0;
	}

}
