package org.runops.datalogger.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runops.datalogger.DataLoggerException;

class StatsTrendPlotTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @TempDir
    Path dir;

    private static int pixelsOf(BufferedImage image, int top, int rgb) {
        int n = 0;
        for (int y = top; y < top + StatsTrendPlot.PANEL_HEIGHT; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void onePanelPerDeviceEachWithItsCurves() throws IOException {
        Path db = StatsFixtures.twoDevices(dir);
        Path png = dir.resolve("out/trend.png");
        Files.createDirectories(png.getParent());
        try (StatsDatabase stats = StatsDatabase.open(db)) {
            StatsTrendPlot.write(stats, List.of(), CHICAGO, png);
        }
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(StatsTrendPlot.WIDTH);
        assertThat(image.getHeight()).isEqualTo(2 * StatsTrendPlot.PANEL_HEIGHT);
        for (int panel = 0; panel < 2; panel++) {
            int top = panel * StatsTrendPlot.PANEL_HEIGHT;
            assertThat(pixelsOf(image, top, 0xFFFFFF)).as("white background of panel %d", panel).isGreaterThan(1000);
            assertThat(pixelsOf(image, top, 0x006432)).as("max/min curves of panel %d", panel).isGreaterThan(5);
        }
        // B|GMPSSC's max, mode and min are one point (min drawn last hides mode there)
        assertThat(pixelsOf(image, 0, 0x003CA0)).as("mode curve of B:VIMIN").isGreaterThan(5);
        // B:VIMIN has a std, B|GMPSSC (one sample) has none: sigma curves only in the first panel
        assertThat(pixelsOf(image, 0, 0x7896DC)).isGreaterThan(5);
        assertThat(pixelsOf(image, StatsTrendPlot.PANEL_HEIGHT, 0x7896DC)).isZero();
        Files.copy(png, Path.of("target", "StatsTrendPlotTest.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (var listing = Files.list(png.getParent())) {
            assertThat(listing).containsExactly(png);
        }
    }

    @Test
    void panelsOfSimulatedStatisticsSaySo() throws IOException {
        StatsHistory h = new StatsHistory("B:VIMIN", new double[] {StatsFixtures.DAY1}, new double[] {2}, new double[] {1},
                new double[] {0.5}, new double[] {0});
        assertThat(StatsTrendPlot.panel(h, CHICAGO, true).getTitle()).isEqualTo("SIMULATED DATA: B:VIMIN");
        assertThat(StatsTrendPlot.panel(h, CHICAGO, false).getTitle()).isEqualTo("B:VIMIN");
        // the title is drawn: the images differ
        assertThat(StatsTrendPlot.render(List.of(h), CHICAGO, true)).isNotEqualTo(StatsTrendPlot.render(List.of(h), CHICAGO, false));
        try (StatsDatabase stats = StatsDatabase.open(StatsFixtures.twoDevices(dir, "simulated"))) {
            assertThat(StatsJsonExporter.showsSimulated(stats, StatsJsonExporter.histories(stats, List.of(), 0))).isTrue();
            assertThat(StatsJsonExporter.showsSimulated(stats, StatsJsonExporter.histories(stats, List.of(), 1))).isFalse();
        }
    }

    @Test
    void anEmptyDatabaseIsRefusedByName() {
        try (StatsDatabase stats = StatsDatabase.open(dir.resolve("empty.db"))) {
            assertThatThrownBy(() -> StatsTrendPlot.write(stats, List.of(), CHICAGO, dir.resolve("x.png")))
                    .isInstanceOf(DataLoggerException.class).hasMessageContaining("empty.db");
        }
        assertThat(dir.resolve("x.png")).doesNotExist();
    }
}
