package org.respike.elements.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.respike.elements.events.Results.SECOND;
import static org.respike.elements.events.Results.at;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.respike.elements.events.EventMessage.EndReason;
import org.respike.elements.events.EventMessage.Kind;
import org.respike.models.engine.ActionResult;
import org.respike.models.frame.Box;

class EventDetectorTest {

    /** on 0.6 / off 0.4, 1 s to start, 1.5 s to end, no updates; fall starts at once and is an alert. */
    private static final EventPolicy POLICY = EventPolicy.defaults().withIgnored(Set.of("idle"))
            .withUpdateInterval(Duration.ZERO).withClasses("*:on=0.6,off=0.4,min=1,hold=1.5; fall:min=0,alert=true");

    @Test
    void aLabelThatHoldsMakesOneEventAndFlickerBelowTheHoldTimeDoesNotEndIt() {
        EventDetector d = new EventDetector(POLICY, Results.CLOCK);
        List<EventMessage> out = new ArrayList<>();
        double[] walk = {0.7, 0.8, 0.9, 0.3, 0.35, 0.8, 0.7, 0.2, 0.1, 0.1, 0.1, 0.1};
        for (int i = 0; i < walk.length; i++) {
            out.addAll(d.accept(at(i, "walk", walk[i])));
        }
        assertEquals(List.of(Kind.START, Kind.END), out.stream().map(EventMessage::kind).toList(), out.toString());
        EventMessage start = out.get(0);
        EventMessage end = out.get(1);
        assertEquals(start.eventId(), end.eventId());
        assertEquals("walk", start.label());
        assertEquals(at(0, "walk", 0).start(), start.start().runningTimeNanos(), "starts where the first clip starts");
        assertEquals(at(0, "walk", 0).ptsStart(), start.start().ptsNanos());
        assertEquals(Instant.parse("2026-12-03T14:02:00Z"), start.start().utc());
        assertEquals(at(6, "walk", 0).end(), end.end().runningTimeNanos(), "ends with the last clip that held it");
        assertEquals(Results.EPOCH.plusNanos(at(6, "walk", 0).end() - at(0, "walk", 0).start()),
                end.end().utc());
        assertEquals(EndReason.SCORE, end.endReason());
        assertEquals(0.9, end.peakScore(), 1e-9);
        assertEquals((0.7 + 0.8 + 0.9 + 0.8 + 0.7) / 5, end.meanScore(), 1e-9, "the results that held the label");
        assertEquals(5, end.results());
        assertEquals(List.of(1L, 2L), out.stream().map(EventMessage::sequence).toList());
        assertNull(start.end());
        assertNull(start.endReason());
    }

    @Test
    void aLabelHeldShorterThanTheMinimumMakesNoEvent() {
        EventDetector d = new EventDetector(POLICY, Results.CLOCK);
        List<EventMessage> out = new ArrayList<>();
        // 0.5 s above on, then gone: run, walk, run ... as a noisy classifier flips
        String[] labels = {"run", "walk", "run", "walk", "run", "walk", "run", "walk"};
        for (int i = 0; i < labels.length; i++) {
            out.addAll(d.accept(at(i, labels[i], 0.65)));
        }
        assertEquals(List.of(), out);
        assertEquals(List.of(), d.endAll());
    }

    @Test
    void fallStartsOnItsFirstResultAsAnAlert() {
        EventDetector d = new EventDetector(POLICY, Results.CLOCK);
        List<EventMessage> first = d.accept(at(0, "fall", 0.7));
        assertEquals(1, first.size());
        assertEquals(Kind.START, first.get(0).kind());
        assertTrue(first.get(0).alert());
        List<EventMessage> end = d.endStream("camera-3");
        assertEquals(EndReason.STREAM_END, end.get(0).endReason());
        assertTrue(end.get(0).alert());
    }

    @Test
    void eachTrackHasItsOwnEventsAndAVanishedTrackEndsAfterTheHoldTime() {
        EventDetector d = new EventDetector(POLICY, Results.CLOCK);
        List<EventMessage> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            out.addAll(d.accept(at("camera-3", 7, i, "fall", 0.9)));
            out.addAll(d.accept(at("camera-3", 8, i, "wave", 0.9)));
        }
        assertEquals(List.of("fall", "wave"), out.stream().map(EventMessage::label).toList());
        assertEquals(7, out.get(0).trackId());
        assertEquals(new Box(70, 20, 64, 128), out.get(0).box());
        out.clear();
        // track 7 is gone; track 8 goes on: 1.5 s later track 7's fall ends where it was last seen
        for (int i = 4; i < 12; i++) {
            out.addAll(d.accept(at("camera-3", 8, i, "wave", 0.9)));
        }
        assertEquals(1, out.size(), out.toString());
        assertEquals(EndReason.TRACK_LOST, out.get(0).endReason());
        assertEquals(7, out.get(0).trackId());
        assertEquals(at(3, "fall", 0).end(), out.get(0).end().runningTimeNanos());
        List<EventMessage> lost = d.trackLost("camera-3", 8);
        assertEquals(EndReason.TRACK_LOST, lost.get(0).endReason());
        assertEquals("wave", lost.get(0).label());
    }

    @Test
    void streamsAreIndependentAndNumberTheirOwnMessages() {
        EventDetector d = new EventDetector(POLICY, Results.CLOCK);
        d.accept(at("a", ActionResult.NO_TRACK, 0, "fall", 0.9));
        List<EventMessage> b = d.accept(at("b", ActionResult.NO_TRACK, 0, "fall", 0.9));
        assertEquals(1, b.get(0).sequence());
        assertEquals(List.of(), d.endStream("c"));
        List<EventMessage> ends = d.endAll();
        assertEquals(List.of("a", "b"), ends.stream().map(EventMessage::streamId).sorted().toList());
        assertTrue(ends.stream().allMatch(m -> m.sequence() == 2));
    }

    @Test
    void anOpenEventReportsAnUpdatePerInterval() {
        EventDetector d = new EventDetector(POLICY.withUpdateInterval(Duration.ofSeconds(2)), Results.CLOCK);
        List<EventMessage> out = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            out.addAll(d.accept(at(i, "wave", 0.9)));
        }
        // start at clip 2 (1 s held), updates at clips 6 and 10 (every 2 s)
        assertEquals(List.of(Kind.START, Kind.UPDATE, Kind.UPDATE), out.stream().map(EventMessage::kind).toList());
        assertNull(out.get(1).end());
        assertEquals(at(10, "wave", 0).end(), out.get(2).last().runningTimeNanos());
    }

    @Test
    void theSnapshotHookIsAskedOncePerEventWithTheResultThatStartsIt() {
        List<ActionResult> asked = new ArrayList<>();
        EventDetector d = new EventDetector(POLICY, Results.CLOCK, g -> {
            asked.add(g);
            return new byte[] {(byte) 0xff, (byte) 0xd8};
        });
        List<EventMessage> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            out.addAll(d.accept(at(i, "jump", 0.9)));
        }
        out.addAll(d.endAll());
        assertEquals(1, asked.size());
        assertEquals(at(2, "jump", 0.9), asked.get(0));
        assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xd8}, out.get(0).snapshot());
        assertNull(out.get(1).snapshot(), "the JPEG goes out once, with the start");
    }

    @Test
    void classSettingsParseAndBadOnesSayWhatIsWrong() {
        EventPolicy p = EventPolicy.defaults().withClasses("fall:min=0,alert=true;*:on=0.7,hold=3");
        ClassPolicy defaults = EventPolicy.DEFAULT_CLASS;
        assertEquals(new ClassPolicy(0.7, defaults.offScore(), Duration.ZERO, Duration.ofSeconds(3), true), p.of("fall"));
        assertEquals(new ClassPolicy(0.7, defaults.offScore(), defaults.minDuration(), Duration.ofSeconds(3), false),
                p.of("walk"));
        assertEquals("unknown key 'onn' (on, off, min, hold, alert)",
                assertThrows(IllegalArgumentException.class, () -> p.withClasses("fall:onn=1")).getMessage());
        assertEquals("off score 0.8 above on score 0.7",
                assertThrows(IllegalArgumentException.class, () -> p.withClasses("*:off=0.8")).getMessage());
        assertEquals("'fall' is not CLASS:key=value,...",
                assertThrows(IllegalArgumentException.class, () -> p.withClasses("fall")).getMessage());
    }
}
