package dev.airalert.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.cap.CapValidator;
import dev.airalert.cap.CapVersion;
import dev.airalert.cap.CapXmlReader;
import dev.airalert.cap.ParsedCap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real Atom and RSS indexes of CAP messages, valid and broken, read as a poll reads them. */
class FeedIndexTest {

    private static final String BASE = "https://alerts.example.org/feed";

    /** The shared feed samples (see their SOURCES.tsv), beside the CAP corpus. */
    static byte[] sample(String name) {
        Path root = Path.of(System.getProperty("cap.feeds", "../shared/cap-feeds"));
        try {
            return Files.readAllBytes(root.resolve("google__cap-library").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("feed sample " + name + " not found under " + root.toAbsolutePath(), e);
        }
    }

    private static List<FeedIndex.Item> read(FeedFormat format, String name) {
        return FeedIndex.read(format, sample(name), BASE);
    }

    @Test
    void atomEntriesGiveTheirCapLinkOverTheirWebPage() {
        List<FeedIndex.Item> items = read(FeedFormat.ATOM, "earthquake_index.atom");
        assertEquals(1, items.size());
        assertEquals("http://earthquake.usgs.gov/earthquakes/catalogs/cap/us2010apcd", items.get(0).url());
    }

    @Test
    void anUntypedAlternateLinkIsTheCapMessage() {
        List<FeedIndex.Item> items = read(FeedFormat.ATOM, "weather.atom");
        assertEquals(1, items.size());
        assertTrue(items.get(0).url().startsWith("http://www.weather.gov/alerts-beta/wwacapget.php?x="), items.toString());
    }

    @Test
    void theNewestListedFirstIsTakenLast() {
        byte[] feed = ("<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>new</id><link href='/new.cap'/></entry>"
                + "<entry><id>old</id><link href='/old.cap'/></entry></feed>").getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("https://alerts.example.org/old.cap", "https://alerts.example.org/new.cap"),
                FeedIndex.read(FeedFormat.ATOM, feed, BASE).stream().map(FeedIndex.Item::url).toList());
    }

    @Test
    void capCarriedInAnEntryIsADocumentOfItsOwn() {
        List<FeedIndex.Item> amber = read(FeedFormat.ATOM, "amber.atom");
        assertEquals(1, amber.size());
        ParsedCap cap = CapXmlReader.read(amber.get(0).carried()).get(0);
        assertEquals(CapVersion.V1_1, cap.version());
        assertEquals("http://doj.dc.gov/amber12345", cap.alert().identifier());
        List<FeedIndex.Item> canada = read(FeedFormat.ATOM, "canada_signed.atom");
        assertTrue(canada.stream().allMatch(i -> i.carried() != null), canada.toString());
        ParsedCap signed = CapXmlReader.read(canada.get(0).carried()).get(0);
        assertEquals(CapVersion.V1_2, signed.version());
        assertTrue(signed.signed());
    }

    @Test
    void rssItemsGiveTheirLinks() {
        List<FeedIndex.Item> items = read(FeedFormat.RSS, "ny_index.rss");
        assertTrue(items.size() >= 2);
        items.forEach(i -> assertTrue(i.url().startsWith("http://www.nyalert.gov/Public/News/GetCapAlert.aspx?capID="),
                i.toString()));
    }

    @Test
    void entriesWithoutCapAreListedWithWhatTheyLack() {
        FeedIndex.Item noLink = read(FeedFormat.ATOM, "no_link.atom").get(0);
        assertNull(noLink.url());
        assertEquals("the entry links to no CAP message and carries none", noLink.missing());
        FeedIndex.Item emptyItem = read(FeedFormat.RSS, "invalid.rss").get(0);
        assertEquals("the item links to no CAP message", emptyItem.missing());
        assertNotNull(read(FeedFormat.ATOM, "invalid_element.atom").get(0).missing());
        assertEquals(List.of(), read(FeedFormat.ATOM, "empty_weather_index.atom").stream()
                .filter(i -> i.missing() == null && i.url() == null && i.carried() == null).toList());
    }

    @Test
    void aKeyNamesTheSameMessageAtEveryPoll() {
        assertEquals(keys("weather_index.atom"), keys("weather_index.atom"));
        assertEquals(keys("amber.atom"), keys("amber.atom"), "a carried message too, parsed anew each time");
        assertEquals(64, keys("amber.atom").get(0).length());
    }

    @Test
    void anEntryWithoutAnIdIsNamedByWhatItSaysNotWhereItStands() {
        String entry = "<entry><title>no link here</title></entry>";
        byte[] one = ("<feed xmlns='http://www.w3.org/2005/Atom'>" + entry + "</feed>").getBytes(StandardCharsets.UTF_8);
        byte[] moved = ("<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>new</id><title>other</title></entry>"
                + entry + "</feed>").getBytes(StandardCharsets.UTF_8);
        String key = FeedIndex.read(FeedFormat.ATOM, one, BASE).get(0).key();
        assertTrue(FeedIndex.read(FeedFormat.ATOM, moved, BASE).stream().anyMatch(i -> i.key().equals(key)));
    }

    private static List<String> keys(String sample) {
        return read(FeedFormat.ATOM, sample).stream().map(FeedIndex.Item::key).toList();
    }

    @Test
    void hostileAndWrongIndexesAreUnreadable() {
        FeedIndex.Unreadable xxe = assertThrows(FeedIndex.Unreadable.class, () -> read(FeedFormat.ATOM, "xee.atom"));
        assertTrue(xxe.getMessage().contains("DTDs"), xxe.getMessage());
        FeedIndex.Unreadable rssAsAtom = assertThrows(FeedIndex.Unreadable.class,
                () -> read(FeedFormat.ATOM, "ny_index.rss"));
        assertTrue(rssAsAtom.getMessage().contains("not an Atom feed"), rssAsAtom.getMessage());
        assertThrows(FeedIndex.Unreadable.class, () -> read(FeedFormat.RSS, "weather.atom"));
        assertThrows(FeedIndex.Unreadable.class, () -> FeedIndex.read(FeedFormat.ATOM,
                "<feed".getBytes(StandardCharsets.UTF_8), BASE));
    }

    @Test
    void relativeLinksResolveAgainstTheIndexUrl() {
        byte[] feed = ("<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>a</id><link type='application/cap+xml'"
                + " href='cap/a.xml'/></entry></feed>").getBytes(StandardCharsets.UTF_8);
        assertEquals("https://alerts.example.org/cap/a.xml", FeedIndex.read(FeedFormat.ATOM, feed, BASE).get(0).url());
    }

    @Test
    void aSingleCapFeedIsItsOwnMessage() {
        byte[] cap = FeedPollingTest.kyivAlert(FeedPollingTest.CAP_1_2, "s@example.org", "i");
        FeedIndex.Item item = FeedIndex.read(FeedFormat.CAP, cap, BASE).get(0);
        assertEquals(List.of(), CapValidator.validate(CapXmlReader.read(item.carried()).get(0).alert()));
    }
}
