package fr.dwwm.comptoir.database;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every PlantUML source of the project (database design, mockups, documentation) has its
 * rendered SVG beside it, up to date. Run with {@code -Ddiagrams.update=true} to
 * re-render them after changing a source.
 */
class DiagramsTests {

	private static final List<Path> FOLDERS = List.of(Path.of("database"), Path.of("mockups"), Path.of("docs"));

	@Test
	void everyDiagramHasAnUpToDateSvgBesideIt() throws IOException {
		List<String> stale = new ArrayList<>();
		for (Path source : sources()) {
			Path svg = Path.of(source.toString().replaceFirst("\\.puml$", ".svg"));
			String rendered = render(Files.readString(source, StandardCharsets.UTF_8));
			assertThat(rendered).as("rendering of " + source).doesNotContain("Syntax Error");
			if (Boolean.getBoolean("diagrams.update")) {
				Files.writeString(svg, rendered, StandardCharsets.UTF_8);
			}
			if (!Files.exists(svg) || !Files.readString(svg, StandardCharsets.UTF_8).equals(rendered)) {
				stale.add(svg.toString());
			}
		}
		assertThat(stale).as("missing or stale SVG (run ./mvnw test -Dtest=DiagramsTests -Ddiagrams.update=true)")
			.isEmpty();
	}

	static String render(String source) throws IOException {
		ByteArrayOutputStream svg = new ByteArrayOutputStream();
		new SourceStringReader(source).outputImage(svg, new FileFormatOption(FileFormat.SVG));
		return svg.toString(StandardCharsets.UTF_8);
	}

	static List<Path> sources() throws IOException {
		List<Path> sources = new ArrayList<>();
		for (Path folder : FOLDERS) {
			if (Files.isDirectory(folder)) {
				try (Stream<Path> files = Files.walk(folder)) {
					files.filter((file) -> file.toString().endsWith(".puml")).sorted().forEach(sources::add);
				}
			}
		}
		return sources;
	}

}
