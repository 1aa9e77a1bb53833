package fr.dwwm.comptoir.module.api;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * A module's settings as saved in the back-office, read with their type. A value never
 * saved reads as the setting's default.
 */
public final class ModuleSettings {

	private final ModuleDescriptor descriptor;

	private final Map<String, String> values;

	/** Worked out once: a shared block's key asks for it on every page. */
	private final int hash;

	/**
	 * Settings of a module.
	 * @param descriptor the module's descriptor (for the defaults)
	 * @param values the saved values by key
	 */
	public ModuleSettings(ModuleDescriptor descriptor, Map<String, String> values) {
		this.descriptor = descriptor;
		this.values = Map.copyOf(values);
		this.hash = 31 * descriptor.hashCode() + this.values.hashCode();
	}

	/**
	 * A setting as text.
	 * @param key the key
	 * @return the saved value, or the default
	 */
	public String text(String key) {
		String value = this.values.get(key);
		if (value != null) {
			return value;
		}
		return this.descriptor.setting(key)
			.map(Setting::defaultValue)
			.orElseThrow(() -> new IllegalArgumentException("No setting " + key + " in " + this.descriptor.code()));
	}

	/**
	 * A whole-number setting.
	 * @param key the key
	 * @return its value
	 */
	public int integer(String key) {
		return Integer.parseInt(text(key));
	}

	/**
	 * A yes/no setting.
	 * @param key the key
	 * @return its value
	 */
	public boolean flag(String key) {
		return Boolean.parseBoolean(text(key));
	}

	/**
	 * A date-time setting.
	 * @param key the key
	 * @return its value, or empty if left blank
	 */
	public Optional<LocalDateTime> dateTime(String key) {
		String value = text(key);
		return value.isEmpty() ? Optional.empty() : Optional.of(LocalDateTime.parse(value));
	}

	/**
	 * Every value, defaults included, for the back-office form.
	 * @return value by key, in the declared order
	 */
	public Map<String, String> all() {
		Map<String, String> all = new java.util.LinkedHashMap<>();
		for (Setting setting : this.descriptor.settings()) {
			all.put(setting.key(), text(setting.key()));
		}
		return all;
	}

	/**
	 * Settings are equal when they are the same module's with the same saved values: a
	 * shared block ({@link ModuleView#shareable}) is kept under its settings, so values
	 * saved in the back-office give a new block on the next page.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof ModuleSettings that && this.descriptor.equals(that.descriptor)
				&& this.values.equals(that.values);
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

}
