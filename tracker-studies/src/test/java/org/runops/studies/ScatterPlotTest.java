package org.runops.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScatterPlotTest {
    @TempDir
    Path dir;

    static StudyTable clusters(int labels) {
        Random random = new Random(1);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int g = i % labels;
            rows.add(Arrays.asList(random.nextGaussian() + 3 * (g % 4), random.nextGaussian() + 3 * (g / 4),
                    g == 0 ? null : "group " + g));
        }
        return StudyTable.of(List.of("pc1", "pc2", "reconstruction"), rows);
    }

    @Test
    void writesAColouredPngOfTheRequestedSize() throws IOException {
        Path png = dir.resolve("pca.png");
        ScatterPlot plot = ScatterPlot.colouredBy(clusters(3), "pc1", "pc2", "reconstruction", ScatterPlot.MAX_SERIES)
                .size(640, 480);
        plot.write(png);
        assertThat(plot.seriesNames()).containsExactly("(none) (200)", "group 1 (200)", "group 2 (200)");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 2) {
            for (int y = 0; y < image.getHeight(); y += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).isGreaterThan(4);
        assertThat(colours).contains(0xff1f77b4, 0xffff7f0e); // the first two series' marker colours
    }

    @Test
    void manyValuesAreCappedWithAnOtherSeries() {
        ScatterPlot plot = ScatterPlot.colouredBy(clusters(20), "pc1", "pc2", "reconstruction", 12);
        assertThat(plot.seriesNames()).hasSize(12);
        assertThat(plot.seriesNames().get(11)).isEqualTo("other (9 values, 270)");
        assertThat(plot.png()).isNotEmpty();
    }

    @Test
    void nothingToPlotIsAnError() {
        StudyTable empty = StudyTable.of(List.of("x", "y"), List.of(Arrays.asList(1, null)));
        assertThatThrownBy(() -> ScatterPlot.colouredBy(empty, "x", "y", null, 12)).isInstanceOf(StudyException.class)
                .hasMessageContaining("no row has both x and y");
        assertThatThrownBy(() -> new ScatterPlot("x", "y").size(10, 10)).hasMessageContaining("100..20000");
    }
}
