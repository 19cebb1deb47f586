package org.pitbox.ui.engineer.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RangeLabelTest {
    @Test
    void smallRangesKeepTheDecimalsThatTellTheEndsApart() {
        assertEquals("-0.02..0.02", LiveTraceChart.rangeLabel(-0.02f, 0.02f));
        assertEquals("-0.2..0.2", LiveTraceChart.rangeLabel(-0.2f, 0.2f));
        assertEquals("0.002..0.004", LiveTraceChart.rangeLabel(0.002f, 0.004f));
    }

    @Test
    void wholeAndLargeRangesHaveNoDecimalsAndNoNegativeZero() {
        assertEquals("100..200", LiveTraceChart.rangeLabel(100, 200));
        assertEquals("-10..40", LiveTraceChart.rangeLabel(-10, 40));
        assertEquals("3..5", LiveTraceChart.rangeLabel(3, 5));
        assertEquals("0..1", LiveTraceChart.rangeLabel(-0f, 1));
        assertEquals("95..250", LiveTraceChart.rangeLabel(95.4f, 250.2f));
    }
}
