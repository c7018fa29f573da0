package io.lambda.core.event;

import java.util.ArrayList;
import java.util.List;

/**
 * The events of one request body, one {@link Admission} per event in body order.
 *
 * @param admissions one outcome per event, ordered by index
 */
public record ReadResult(List<Admission> admissions) {

    public ReadResult {
        admissions = List.copyOf(admissions);
    }

    /** How many events the body held. */
    public int size() {
        return admissions.size();
    }

    /** The valid events, in body order. */
    public List<Event> accepted() {
        List<Event> events = new ArrayList<>(admissions.size());
        for (Admission admission : admissions) {
            if (admission instanceof Admission.Accepted accepted) {
                events.add(accepted.event());
            }
        }
        return List.copyOf(events);
    }

    /** The rejections, in body order. */
    public List<Admission.Rejected> rejected() {
        List<Admission.Rejected> rejected = new ArrayList<>();
        for (Admission admission : admissions) {
            if (admission instanceof Admission.Rejected rejection) {
                rejected.add(rejection);
            }
        }
        return List.copyOf(rejected);
    }
}
