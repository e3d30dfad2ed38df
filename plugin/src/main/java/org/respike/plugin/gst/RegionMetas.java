package org.respike.plugin.gst;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.respike.elements.spi.Region;

/** GstVideoRegionOfInterestMeta (gst/video/gstvideometa.h) read into and written from {@link Region}s. */
final class RegionMetas {
    private static final long API_TYPE = GstVideoApi.gst_video_region_of_interest_meta_api_get_type();

    private RegionMetas() {}

    /** The buffer's ROI metas, in its order; valid while the buffer is. */
    static List<Pointer> all(Pointer buffer) {
        List<Pointer> metas = new ArrayList<>();
        PointerByReference state = new PointerByReference();
        for (Pointer m; (m = GstApi.gst_buffer_iterate_meta_filtered(buffer, state, API_TYPE)) != null;) {
            metas.add(m);
        }
        return metas;
    }

    static Region read(Pointer meta) {
        Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        for (Pointer l = meta.getPointer(Layout.ROI_META_PARAMS); l != null; l = l.getPointer(Layout.LIST_NEXT)) {
            Pointer structure = l.getPointer(Layout.LIST_DATA);
            if (structure != null) {
                params.putIfAbsent(CStrings.read(GstApi.gst_structure_get_name(structure)), Structures.toMap(structure));
            }
        }
        String type = CStrings.read(GObjectApi.g_quark_to_string(meta.getInt(Layout.ROI_META_ROI_TYPE)));
        return new Region(meta.getInt(Layout.ROI_META_ID), type == null ? "" : type, meta.getInt(Layout.ROI_META_X),
                meta.getInt(Layout.ROI_META_Y), meta.getInt(Layout.ROI_META_W), meta.getInt(Layout.ROI_META_H), params);
    }

    static void add(Pointer buffer, Region region) {
        if (GstApi.gst_mini_object_is_writable(buffer) == 0) {
            throw new IllegalStateException("buffer is not writable: cannot add a region of interest");
        }
        Pointer meta = GstVideoApi.gst_buffer_add_video_region_of_interest_meta(buffer, region.type(), region.x(),
                region.y(), region.width(), region.height());
        if (meta == null) {
            throw new IllegalStateException("gst_buffer_add_video_region_of_interest_meta failed");
        }
        meta.setInt(Layout.ROI_META_ID, region.id());
        region.params().forEach((name, fields) -> addParam(meta, name, fields));
    }

    static void addParam(Pointer meta, String name, Map<String, Object> fields) {
        GstVideoApi.gst_video_region_of_interest_meta_add_param(meta, Structures.create(name, fields));
    }
}
