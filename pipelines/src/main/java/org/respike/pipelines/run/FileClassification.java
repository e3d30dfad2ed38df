package org.respike.pipelines.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The action recognised in one video file: the class scores averaged over every clip the file holds,
 * or the reason it could not be classified.
 */
public record FileClassification(String file, String label, double score, Map<String, Double> scores, long frames,
        int clips, String error) {

    public static FileClassification failed(String file, String error) {
        return new FileClassification(file, null, 0, Map.of(), 0, 0, error);
    }

    public boolean ok() {
        return error == null;
    }

    /** Fields of the JSON line: file, label, score, scores, frames, clips; or file and error. */
    public Map<String, Object> json() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("file", file);
        if (!ok()) {
            f.put("error", error);
            return f;
        }
        f.put("label", label);
        f.put("score", score);
        f.put("scores", scores);
        f.put("frames", frames);
        f.put("clips", clips);
        return f;
    }
}
