package org.pitbox.iracing.ibt;

/**
 * The facts of an .ibt file: the {@code irsdk_header}, the disk sub-header and where the rows are.
 *
 * @param sessionStartDate      Unix seconds of the session start (disk sub-header)
 * @param sessionStartTime      SessionTime of the first row as written by the sim
 * @param sessionEndTime        SessionTime of the last row as written by the sim
 * @param lapCount              distinct laps in the file as written by the sim
 * @param declaredRecordCount   row count in the disk sub-header, 0 when the file was not finalised
 * @param recordCount           rows actually readable (derived from the file length when the sub-header is off)
 * @param dataOffset            byte offset of the first row
 * @param fileSize              bytes in the file
 */
public record IbtHeader(IrsdkHeader main, long sessionStartDate, double sessionStartTime, double sessionEndTime,
        int lapCount, int declaredRecordCount, int recordCount, int dataOffset, long fileSize) {

    /** Header plus disk sub-header. */
    public static final int SIZE = 144;

    public int version() {
        return main.version();
    }

    public int numVars() {
        return main.numVars();
    }

    public int bufLen() {
        return main.bufLen();
    }

    public int tickRate() {
        return main.tickRate();
    }

    /** True when the sim closed the file properly: the sub-header's record count matches the file length. */
    public boolean finalised() {
        return declaredRecordCount == recordCount && declaredRecordCount > 0;
    }
}
