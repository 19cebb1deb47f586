package org.pitbox.iracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pitbox.core.coach.Coach;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.testdata.Frames;
import org.pitbox.iracing.testdata.SharedData;

/**
 * Metres along the lap of real recordings: iRacing's LapDist is LapDistPct of the exact lap length, while the
 * session info's TrackLength is rounded to 10 m (Langley: 0.58 km for 576.28 m), so braking points and apexes
 * are worked out with the length LapDist gives.
 */
class RealTrackLengthTest {
    @ParameterizedTest
    @MethodSource("org.pitbox.iracing.testdata.SharedData#ibtFiles")
    void theWorkbenchLengthIsLapDistOverLapDistPct(String name) throws Exception {
        try (IbtFile ibt = IbtFile.open(SharedData.iracing("ibt/" + name))) {
            double length = IbtSummary.of(ibt).sessionData(ibt).trackLengthMeters();
            ChannelDescriptor dist = ibt.layout().require("LapDist");
            ChannelDescriptor pct = ibt.layout().require("LapDistPct");
            for (int i = 0; i < ibt.recordCount(); i++) {
                double p = ibt.value(i, pct, 0);
                if (p > 0.1) {
                    assertEquals(ibt.value(i, dist, 0), p * length, 0.05, "LapDist of row " + i);
                }
            }
        }
    }

    @Test
    void theCoachsBrakingPointIsInLapDistMetres() throws Exception {
        String name = "ibt/robroberts_skmodified_langley_2015-05-28_14-50-46.ibt";
        try (IbtFile ibt = IbtFile.open(SharedData.iracing(name))) {
            Coach coach = SessionCoach.of(ibt, 0);
            Frames.each(ibt, coach::update);
            // lap 184 brakes for turn 1 at 0.0884 of the lap: 51.30 m at the rounded 580 m, 50.97 m of LapDist
            assertEquals(50.97, coach.state().facts().value("best.t1.brake_point"), 0.02);
        }
    }
}
