package callsim.review.web.view;

import java.util.List;
import java.util.Map;

/** The drill list page: the filters as entered, one page of rows, paging and export links. */
public record DrillList(Chrome chrome, Map<String, String> filters, List<Option> difficulties, List<Option> outcomes,
                        List<Option> scenarios, List<ListRow> rows, long total, int page, long pages, String csv, String json,
                        String prev, String next) {
    public record Option(String value, String label) {}

    public String filter(String name) {
        return filters.getOrDefault(name, "");
    }
}
