package fr.dwwm.comptoir.catalog;

import fr.dwwm.comptoir.web.NoIndex;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Products as a spreadsheet: export the catalog, import a CSV file all or nothing with a
 * report line by line. Editors and administrators.
 */
@Controller
@NoIndex
class AdminProductCsvController {

	/** Largest file accepted, in bytes. */
	static final long MAX_BYTES = 5L * 1024 * 1024;

	private final ProductCsv csv;

	AdminProductCsvController(ProductCsv csv) {
		this.csv = csv;
	}

	@GetMapping("/admin/products/import")
	String form(Model model) {
		model.addAttribute("columns", String.join(";", ProductCsv.COLUMNS));
		return "admin/product-import";
	}

	@PostMapping("/admin/products/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		model.addAttribute("columns", String.join(";", ProductCsv.COLUMNS));
		if (file == null || file.isEmpty()) {
			model.addAttribute("importMessage", "admin.import.empty");
			return "admin/product-import";
		}
		if (file.getSize() > MAX_BYTES) {
			model.addAttribute("importMessage", "admin.import.too-large");
			return "admin/product-import";
		}
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			model.addAttribute("report", this.csv.importAll(reader));
		}
		return "admin/product-import";
	}

	@GetMapping("/admin/products/export.csv")
	void export(HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("produits-" + LocalDate.now() + ".csv").build().toString());
		OutputStreamWriter out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		// A byte order mark, so that spreadsheet software reads the accents right.
		out.write('\uFEFF');
		this.csv.export(out);
	}

}
