package org.pitbox.app.overlay;

import java.util.Optional;
import org.pitbox.core.live.OverlayModel;
import org.pitbox.iracing.sessioninfo.DriverInfo;
import org.pitbox.iracing.sessioninfo.SessionInfoParser;

/** The car's shift lights, from a feed's session info: where the first light comes on, shift, and blink. */
public record ShiftLights(double first, double shift, double blink) {
    /** The shift lights in {@code sessionInfoYaml}; empty when it is blank or cannot be read. */
    public static Optional<ShiftLights> of(String sessionInfoYaml) {
        if (sessionInfoYaml == null || sessionInfoYaml.isBlank()) {
            return Optional.empty();
        }
        try {
            DriverInfo car = SessionInfoParser.parse(sessionInfoYaml).driverInfo();
            return Optional.of(new ShiftLights(car.shiftLightFirstRpm(), car.shiftLightShiftRpm(),
                    car.shiftLightBlinkRpm()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Gives the model these shift points (it keeps its defaults when they make no sense). */
    public void applyTo(OverlayModel model) {
        model.setShiftRpm(first, shift, blink);
    }
}
