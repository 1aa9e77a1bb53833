package fr.dwwm.comptoir.module;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import fr.dwwm.comptoir.module.api.ShopModule;

/**
 * Builds a module's jar the way its own build would, from the sources of
 * {@code examples/most-viewed-module}: compiles its classes against the module API (and
 * the Spring classes it uses), then packs classes and resources. A test may change a file
 * or add one first, to make the next version of the module.
 */
final class ModuleJar {

	static final Path EXAMPLE = Path.of("examples/most-viewed-module/src/main");

	private final Map<String, String> sources = new LinkedHashMap<>();

	private final Map<String, String> resources = new LinkedHashMap<>();

	private ModuleJar() {
	}

	/**
	 * Starts from the example module's sources.
	 * @return the files of the example, to change before {@link #build}
	 */
	static ModuleJar ofExample() {
		ModuleJar jar = new ModuleJar();
		jar.read(EXAMPLE.resolve("java"), jar.sources);
		jar.read(EXAMPLE.resolve("resources"), jar.resources);
		return jar;
	}

	ModuleJar source(String path, String content) {
		this.sources.put(path, content);
		return this;
	}

	ModuleJar resource(String path, String content) {
		this.resources.put(path, content);
		return this;
	}

	ModuleJar replaceInSource(String path, String text, String replacement) {
		String source = this.sources.get(path);
		if (source == null || !source.contains(text)) {
			throw new IllegalArgumentException(text + " not found in " + path);
		}
		this.sources.put(path, source.replace(text, replacement));
		return this;
	}

	/**
	 * Compiles and packs the module.
	 * @param directory where to work
	 * @param name the jar's file name
	 * @return the jar
	 */
	Path build(Path directory, String name) {
		try {
			Path sourceDirectory = Files.createDirectories(directory.resolve(name + "-src"));
			Path classes = Files.createDirectories(directory.resolve(name + "-classes"));
			List<String> arguments = new ArrayList<>(List.of("-proc:none", "-encoding", "UTF-8", "-d",
					classes.toString(), "-classpath", compileClasspath()));
			for (Map.Entry<String, String> source : this.sources.entrySet()) {
				Path file = sourceDirectory.resolve(source.getKey());
				Files.createDirectories(file.getParent());
				Files.writeString(file, source.getValue());
				arguments.add(file.toString());
			}
			JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
			int status = compiler.run(null, OutputStream.nullOutputStream(), System.err,
					arguments.toArray(String[]::new));
			if (status != 0) {
				throw new IllegalStateException("The module does not compile (see the test's error output)");
			}
			for (Map.Entry<String, String> resource : this.resources.entrySet()) {
				Path file = classes.resolve(resource.getKey());
				Files.createDirectories(file.getParent());
				Files.writeString(file, resource.getValue());
			}
			Path jar = directory.resolve(name + ".jar");
			try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
					Stream<Path> files = Files.walk(classes)) {
				for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
					out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
					out.write(Files.readAllBytes(file));
					out.closeEntry();
				}
			}
			return jar;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Where the compiled classes of the last {@link #build} are.
	 * @param directory the directory given to build
	 * @param name the name given to build
	 * @return the classes directory
	 */
	static Path classes(Path directory, String name) {
		return directory.resolve(name + "-classes");
	}

	/**
	 * What a module's build has on its classpath: the shop's classes (for the module API)
	 * and the Spring, Jakarta and JDBC jars.
	 */
	private static String compileClasspath() {
		List<String> entries = new ArrayList<>();
		for (Class<?> type : List.of(ShopModule.class, org.springframework.jdbc.core.simple.JdbcClient.class,
				org.springframework.context.annotation.Bean.class,
				org.springframework.boot.autoconfigure.AutoConfiguration.class,
				org.springframework.stereotype.Component.class, org.springframework.core.io.Resource.class,
				org.springframework.dao.DataAccessException.class,
				org.springframework.web.bind.annotation.GetMapping.class,
				org.springframework.transaction.annotation.Transactional.class)) {
			try {
				entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
			}
			catch (URISyntaxException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return String.join(java.io.File.pathSeparator, entries);
	}

	private void read(Path root, Map<String, String> into) {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				into.put(root.relativize(file).toString().replace('\\', '/'),
						Files.readString(file, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
