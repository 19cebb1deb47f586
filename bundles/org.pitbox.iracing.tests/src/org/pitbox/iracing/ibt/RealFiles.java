package org.pitbox.iracing.ibt;

import java.util.List;

/** The real .ibt files and the facts the data README lists for them (0 or NaN: not given there). */
final class RealFiles {
    record Facts(String file, int version, int vars, int bufLen, int records, double maxSpeed) {
        String path() {
            return "ibt/" + file;
        }
    }

    static final List<Facts> ALL = List.of(
            new Facts("teamjorge_valid_test_file.ibt", 2, 276, 1072, 390, 1.94),
            new Facts("florendg_test.ibt", 2, 263, 1006, 23, 1.33),
            new Facts("robroberts_sk.ibt", 1, 164, 645, 201, 0.01),
            new Facts("robroberts_sk2.ibt", 1, 164, 0, 153, 0.01),
            new Facts("robroberts_skmodified_langley_2015-05-28_14-45-12.ibt", 1, 143, 561, 418, 11.31),
            new Facts("robroberts_skmodified_langley_2015-05-28_14-45-28.ibt", 0, 143, 0, 2709, 43.94),
            new Facts("robroberts_skmodified_langley_2015-05-28_14-50-46.ibt", 0, 143, 0, 5476, 45.27),
            new Facts("robroberts_skmodified_langley_2015-08-24_20-48-50.ibt", 1, 150, 589, 4020, 45.03),
            new Facts("robroberts_skmodified_martinsville_2016-02-07_21-01-44.ibt", 1, 169, 665, 1238, 42.97),
            new Facts("robroberts_skmodified_tour_martinsville_2015-05-30_20-32-44.ibt", 0, 143, 0, 4954, 54.88));

    private RealFiles() {
    }
}
