//! Whole-aligner tests: short passages in the styles of several outlets, written for
//! these tests and not taken from the bundled corpus, each checked against what a
//! careful reader would say; then one test per kind of cue and per context rule, and
//! determinism, markers and (ignored by default) speed.

use super::*;
use crate::corpus::parse_article;
use crate::timeline::parse_timeline;

const ROUNDS: &str = include_str!("../../articles/rounds.toml");

const GENEVA: &str = "geneva-2022-01-10";
const NRC: &str = "nato-russia-council-2022-01-12";
const OSCE: &str = "osce-2022-01-13";
const WEEK: &str = "talks-week-2022-01";
const SUMMIT: &str = "summit-2021-06-16";
const VIDEO: &str = "video-call-2021-12-07";
const DRAFTS: &str = "draft-treaties-2021-12-17";
const PHONE: &str = "phone-call-2021-12-30";
const AFTER: &str = "aftermath-2022-01-14";

fn timeline() -> Timeline {
    parse_timeline("articles/rounds.toml", ROUNDS.as_bytes()).expect("rounds.toml is valid")
}

fn article(published: &str, body: &str) -> Article {
    article_of("commentary", "T", published, body)
}

/// An article of `kind` with `title`: the kind and title say how it reads as a whole.
fn article_of(kind: &str, title: &str, published: &str, body: &str) -> Article {
    let text = format!(
        "+++\nid = \"test\"\ntitle = \"{title}\"\noutlet = \"O\"\ncountry = \"C\"\nauthor = \"A\"\n\
         published = {published}\nkind = \"{kind}\"\nlanguage = \"en\"\n+++\n\n{body}\n"
    );
    parse_article("test.md", text.as_bytes()).expect("test article parses")
}

/// The event ids of each passage of an article published on `published`.
fn ids(published: &str, body: &str) -> Vec<Vec<&'static str>> {
    ids_in(&[article(published, body)], Mode::Auto).remove(0)
}

fn ids_in(articles: &[Article], mode: Mode) -> Vec<Vec<Vec<&'static str>>> {
    let t = timeline();
    let all = [GENEVA, NRC, OSCE, WEEK, SUMMIT, VIDEO, DRAFTS, PHONE, AFTER];
    align(articles, &t, mode)
        .articles
        .iter()
        .map(|ps| {
            ps.iter()
                .map(|p| {
                    p.events
                        .iter()
                        .map(|m| {
                            let id = t.events[m.event].id.as_str();
                            *all.iter().find(|x| **x == id).expect("known id")
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// The `why` of every event of passage `p`.
fn why(published: &str, body: &str, p: usize) -> BTreeMap<String, Vec<String>> {
    why_of("commentary", "T", published, body, p)
}

/// The `why` of every event of passage `p` of an article of `kind` with `title`.
fn why_of(
    kind: &str,
    title: &str,
    published: &str,
    body: &str,
    p: usize,
) -> BTreeMap<String, Vec<String>> {
    let t = timeline();
    align(&[article_of(kind, title, published, body)], &t, Mode::Auto).why(&t, 0, p)
}

// --- Accounts from other outlets, written for these tests ---

#[test]
fn wire_report_of_the_geneva_round() {
    let got = ids(
        "2022-01-10",
        "U.S. Deputy Secretary of State Wendy Sherman and Russian Deputy Foreign Minister \
         Sergei Ryabkov met for nearly eight hours at the U.S. mission in Geneva on Monday, \
         but neither side reported a breakthrough on Moscow's demands.\n\n\
         “We were firm in pushing back on security proposals that are simply non-starters,” \
         Sherman told reporters after the talks.\n\n\
         Ryabkov said Moscow needed cast-iron guarantees that Ukraine would never join NATO.\n\n\
         The delegations will meet again with allies in Brussels on Wednesday and at the OSCE \
         in Vienna on Thursday.\n\n\
         Russia has massed about 100,000 troops near Ukraine's border, and Putin has long \
         argued that NATO's eastward expansion threatens Russia's security.",
    );
    assert_eq!(
        got,
        vec![
            vec![GENEVA],
            vec![GENEVA],
            vec![GENEVA],
            vec![NRC, OSCE],
            vec![]
        ]
    );
}

#[test]
fn news_agency_line_from_brussels() {
    let got = ids(
        "2022-01-12",
        "BRUSSELS, January 12. Russian Deputy Foreign Minister Alexander Grushko said after \
         the Russia-NATO Council meeting that the alliance had not been ready to consider \
         Moscow's key proposals.\n\n\
         He said Russia would respond to any attempt to deploy new forces near its borders.",
    );
    assert_eq!(got, vec![vec![NRC], vec![NRC]]);
}

#[test]
fn the_hofburg_meeting_of_the_osce() {
    let got = ids(
        "2022-01-13",
        "Ambassadors of the 57 participating states gathered at the Hofburg on Thursday for \
         the first meeting of the OSCE Permanent Council under the Polish chairmanship.\n\n\
         Poland's foreign minister, Zbigniew Rau, warned that the risk of war in Europe was \
         greater than at any time in the past 30 years.",
    );
    assert_eq!(got, vec![vec![OSCE], vec![OSCE]]);
}

#[test]
fn the_june_summit_is_not_the_january_talks() {
    let got = ids(
        "2022-01-09",
        "When Biden and Putin met at a lakeside villa in Geneva on June 16, their first \
         summit, they agreed to launch a dialogue on strategic stability.\n\n\
         Monday's talks will take place in the same city, at the U.S. mission.",
    );
    assert_eq!(got, vec![vec![SUMMIT], vec![GENEVA]]);
}

#[test]
fn an_article_written_before_the_talks_anticipates_them() {
    let got = ids(
        "2021-12-20",
        "Russian and U.S. officials will hold talks in Geneva in January, a senior \
         administration official said.\n\n\
         Moscow last week published draft treaties demanding that NATO halt its eastward \
         expansion.\n\n\
         The Kremlin has said it is not bluffing.",
    );
    assert_eq!(got, vec![vec![GENEVA], vec![DRAFTS], vec![]]);
    // Without a word of expectation, a December article cannot report January's round.
    assert_eq!(
        ids("2021-12-20", "The talks in Geneva produced nothing."),
        vec![vec![] as Vec<&str>]
    );
    // A report looks ahead weeks or months, not years: a council that "will" meet
    // again, written in 2016, is not the one of 2022.
    let text = "Russian and U.S. officials will hold talks in Geneva, a senior \
                administration official said.";
    assert_eq!(ids("2021-10-01", text), vec![vec![GENEVA]]);
    assert_eq!(ids("2016-04-20", text), vec![vec![] as Vec<&str>]);
    // Named by its day, it may be announced as far ahead as anyone likes.
    let dated = "Russian and U.S. officials will hold talks in Geneva on January 10, 2022, \
                 a senior administration official said.";
    assert_eq!(ids("2021-06-01", dated), vec![vec![GENEVA]]);
}

#[test]
fn the_day_after_the_last_round() {
    let got = ids(
        "2022-01-14",
        "Foreign Minister Sergei Lavrov told his annual news conference on Friday that \
         Moscow's patience had run out.\n\n\
         Hackers defaced Ukrainian government websites overnight, posting a message warning \
         Ukrainians to expect the worst.\n\n\
         This week's talks in Geneva, Brussels and Vienna ended without a breakthrough.\n\n\
         This week's talks left both sides where they started.",
    );
    assert_eq!(
        got,
        vec![
            vec![AFTER],
            vec![AFTER],
            vec![GENEVA, NRC, OSCE],
            vec![WEEK]
        ]
    );
}

// --- Each kind of cue ---

#[test]
fn a_format_nearly_decides_alone_a_phrase_or_place_does_not() {
    assert_eq!(
        ids("2022-01-13", "The NATO-Russia Council sat for four hours."),
        vec![vec![NRC]]
    );
    assert_eq!(
        ids("2022-01-13", "Everyone spoke of security guarantees."),
        vec![vec![] as Vec<&str>]
    );
    assert_eq!(
        ids("2022-01-13", "Brussels was cold and grey."),
        vec![vec![] as Vec<&str>]
    );
}

#[test]
fn names_weigh_by_how_many_events_share_them() {
    // Carpenter belongs to one event; reported speaking, he is reporting on it.
    assert_eq!(
        ids("2022-01-13", "Carpenter said the risk of war was real."),
        vec![vec![OSCE]]
    );
    // Ryabkov took part in three events: alone, he proves none.
    assert_eq!(
        ids("2022-01-20", "Ryabkov said the risk of war was real."),
        vec![vec![] as Vec<&str>]
    );
    // A common name never decides.
    assert_eq!(
        ids(
            "2022-01-20",
            "Stoltenberg has spent years warning that Russia tests the alliance."
        ),
        vec![vec![] as Vec<&str>]
    );
}

#[test]
fn dates_with_a_word_for_what_happened() {
    let got = ids(
        "2022-01-14",
        "Russia met the United States on January 10 and NATO on January 12.",
    );
    assert_eq!(got, vec![vec![GENEVA, NRC]]);
    // A date alone, with nothing said to happen on it, is not enough.
    assert_eq!(
        ids(
            "2022-01-14",
            "She published an opinion on January 12 about the economy."
        ),
        vec![vec![] as Vec<&str>]
    );
    // Two dated events in one sentence: both.
    assert_eq!(
        ids(
            "2022-01-03",
            "Biden and Putin spoke on December 7 and again on December 30."
        ),
        vec![vec![VIDEO, PHONE]]
    );
}

#[test]
fn explanations_are_short_words() {
    let w = why(
        "2022-01-14",
        "Two days later, on January 12, talks with NATO, chaired by Stoltenberg, took place in Brussels.",
        0,
    );
    let cues = &w[NRC];
    assert!(
        cues.contains(&"date: \"January 12\"".to_string()),
        "{cues:?}"
    );
    assert!(cues.contains(&"place: Brussels".to_string()), "{cues:?}");
    assert!(cues.contains(&"name: Stoltenberg".to_string()), "{cues:?}");
}

// --- Each context rule ---

#[test]
fn a_quotation_continues_the_paragraph_before() {
    let body = "At a news conference in Moscow on Friday, Lavrov said the talks had ended.\n\n\
                “We have been very patient,” he said.";
    assert_eq!(ids("2022-01-14", body), vec![vec![AFTER], vec![AFTER]]);
    assert_eq!(
        why("2022-01-14", body, 1)[AFTER][0],
        "context: a quotation following ¶1"
    );
}

#[test]
fn a_quotation_picks_its_round_out_of_the_paragraph_before() {
    let body = "Russia met the U.S. on Jan. 10, NATO on Jan. 12 and the OSCE on Jan. 13.\n\n\
                “We're facing a crisis,” said Lukashevich.";
    assert_eq!(
        ids("2022-01-14", body),
        vec![vec![GENEVA, NRC, OSCE], vec![OSCE]]
    );
}

#[test]
fn a_list_belongs_under_its_lead_in() {
    let body = "The results of the negotiations were judged differently in each capital:\n\n\
                - optimists saw a start;\n\
                - pessimists saw nothing but ultimatums;\n\
                - others noted the meetings in Brussels and Geneva were long.";
    assert_eq!(
        ids("2022-01-18", body),
        vec![vec![WEEK], vec![WEEK], vec![WEEK], vec![GENEVA, NRC]]
    );
}

#[test]
fn a_verdict_after_the_rounds_judges_the_series() {
    let body = "On January 12 the NATO-Russia Council met in Brussels, and on January 13 the \
                OSCE Permanent Council in Vienna.\n\n\
                The outcome was meagre.";
    assert_eq!(ids("2022-01-14", body), vec![vec![NRC, OSCE], vec![WEEK]]);
    // Without rounds before it, a verdict judges nothing in particular.
    assert_eq!(
        ids("2022-01-14", "The outcome was meagre."),
        vec![vec![] as Vec<&str>]
    );
}

#[test]
fn the_talks_judged_are_the_series_of_the_week() {
    assert_eq!(
        ids("2022-01-14", "Nobody expected the talks to succeed."),
        vec![vec![WEEK]]
    );
    // Too long after the week, "the talks" are no longer these.
    assert_eq!(
        ids("2022-06-01", "Nobody expected the talks to succeed."),
        vec![vec![] as Vec<&str>]
    );
    // "further talks" are other talks.
    assert_eq!(
        ids("2022-01-14", "Officials expect further talks to succeed."),
        vec![vec![] as Vec<&str>]
    );
}

#[test]
fn series_phrases_mean_the_week_of_talks() {
    assert_eq!(
        ids(
            "2022-01-14",
            "A week of intense diplomacy in three cities produced little."
        ),
        vec![vec![WEEK]]
    );
    let w = why(
        "2022-01-14",
        "This week's talks left both sides entrenched.",
        0,
    );
    assert_eq!(w[WEEK][0], "series: \"This week's talks\"");
    // The same words a month later are another week.
    assert_eq!(
        ids(
            "2022-02-18",
            "This week's talks left both sides entrenched."
        ),
        vec![vec![] as Vec<&str>]
    );
    // Diplomats' words for a week of meetings gather them too.
    let body = "Next week's series of engagements is an opportunity for Russia to show it is \
                serious about dialogue.";
    assert_eq!(
        ids_of("transcript", "Press conference", "2022-01-07", body),
        vec![vec![WEEK]]
    );
}

#[test]
fn a_pronoun_continues_the_paragraph_before() {
    let body = "On December 17, Russia's Foreign Ministry published two draft treaties.\n\n\
                They would bar Ukraine from ever joining the alliance.";
    assert_eq!(ids("2022-01-05", body), vec![vec![DRAFTS], vec![DRAFTS]]);
}

#[test]
fn a_shared_cue_keeps_the_meaning_a_date_gave_it() {
    let body = "On December 30 the two presidents held a virtual meeting.\n\n\
                The virtual meeting ended after midnight Moscow time.";
    assert_eq!(ids("2021-12-31", body), vec![vec![PHONE], vec![PHONE]]);
    // Elsewhere, a virtual meeting is the video call.
    assert_eq!(
        ids("2021-12-31", "The virtual meeting ended after two hours."),
        vec![vec![VIDEO]]
    );
}

/// The bindings an article's dates made live in storage kept for the next article: they
/// must not reach it. Here the first article ties "virtual meeting" to the phone call;
/// read after it, the second still means the video call.
#[test]
fn a_binding_ends_with_its_article() {
    let tied = article(
        "2021-12-31",
        "On December 30 the two presidents held a virtual meeting.\n\n\
         The virtual meeting ended after midnight Moscow time.",
    );
    let free = article("2021-12-31", "The virtual meeting ended after two hours.");
    assert_eq!(
        ids_in(&[tied, free], Mode::Auto),
        vec![vec![vec![PHONE], vec![PHONE]], vec![vec![VIDEO]]]
    );
}

#[test]
fn a_general_passage_with_a_stray_name_is_about_nothing() {
    let body = "Ryabkov is a veteran arms-control negotiator who has dealt with Washington for \
                decades, and Lavrov has led the Foreign Ministry since 2004.";
    assert_eq!(ids("2022-01-14", body), vec![vec![] as Vec<&str>]);
}

// --- Markers, determinism, speed ---

#[test]
fn markers_win_only_in_curated_mode() {
    let a = article(
        "2022-01-14",
        "<!-- events: osce-2022-01-13 -->\nOn January 10 the talks began in Geneva.",
    );
    assert_eq!(
        ids_in(std::slice::from_ref(&a), Mode::Curated)[0],
        vec![vec![OSCE]]
    );
    assert_eq!(ids_in(&[a], Mode::Auto)[0], vec![vec![GENEVA]]);
    let t = timeline();
    let a = article(
        "2022-01-14",
        "<!-- events: none -->\nOn January 10 the talks began.",
    );
    let curated = align(&[a], &t, Mode::Curated);
    assert_eq!(
        curated.articles[0][0],
        PassageAlignment {
            events: vec![],
            by_hand: true,
            runner_up: None,
        }
    );
}

#[test]
fn the_same_input_gives_the_same_output() {
    let corpus = crate::corpus::Corpus::load(&crate::corpus::Source::Bundled);
    let t = corpus.timeline.as_ref().expect("bundled timeline");
    let first = align(&corpus.articles, t, Mode::Auto);
    for _ in 0..3 {
        assert_eq!(align(&corpus.articles, t, Mode::Auto), first);
    }
    // Each article is read on its own: order in the corpus changes nothing.
    let mut reversed = corpus.articles.clone();
    reversed.reverse();
    let mut again = align(&reversed, t, Mode::Auto).articles;
    again.reverse();
    assert_eq!(again, first.articles);
}

/// A corpus large enough to be aligned on several threads, each taking short runs in
/// turn, gives what one thread reading every article in order gives: the runs are put
/// back in order, and nothing one article leaves in a thread's buffers reaches the next.
#[test]
fn threads_and_runs_change_nothing() {
    let corpus = crate::corpus::Corpus::load(&crate::corpus::Source::Bundled);
    let t = corpus.timeline.as_ref().expect("bundled timeline");
    let aligner = Aligner::new(t);
    // Far more than one thread's minimum, in an order that mixes kinds and lengths.
    let mut articles = Vec::new();
    for k in 0..(3 * PER_THREAD_MIN / corpus.articles.len() + 1) {
        for i in 0..corpus.articles.len() {
            articles.push(corpus.articles[(i * 3 + k) % corpus.articles.len()].clone());
        }
    }
    assert!(articles.len() > 2 * PER_THREAD_MIN);
    for mode in [Mode::Auto, Mode::Curated] {
        let alone: Vec<Vec<PassageAlignment>> = articles
            .iter()
            .map(|a| aligner.align_each(std::slice::from_ref(a), mode).remove(0))
            .collect();
        assert_eq!(aligner.align(&articles, mode).articles, alone);
    }
}

/// `percent` rounds without `round`, to the same whole percentage.
#[test]
fn percent_rounds_as_round_does() {
    // Every 61st float from below 0 to above 1, and the values either side of each
    // half percent: the same whole percentage as `round`.
    let plain = |p: f32| (p.clamp(0.0, 1.0) * 100.0).round() as u8;
    let mut bits = (-0.01f32).to_bits();
    while bits > 0x8000_0000 {
        let p = f32::from_bits(bits);
        assert_eq!(percent(p), plain(p), "{p}");
        bits = bits.saturating_sub(61).max(0x8000_0000);
    }
    let mut bits = 0u32;
    while bits <= 1.01f32.to_bits() {
        let p = f32::from_bits(bits);
        assert_eq!(percent(p), plain(p), "{p}");
        bits += 61;
    }
    for k in 0..=100 {
        let half = (k as f32 + 0.5) / 100.0;
        let mut p = half;
        for _ in 0..8 {
            p = p.next_down();
        }
        for _ in 0..16 {
            assert_eq!(percent(p), plain(p), "{p}");
            p = p.next_up();
        }
    }
    for p in [
        f32::NAN,
        f32::INFINITY,
        f32::NEG_INFINITY,
        -0.0,
        0.0,
        1.0,
        0.995,
        0.005,
    ] {
        assert_eq!(percent(p), plain(p), "{p}");
    }
}

/// `apply` skips, as never the runner-up, every event with no evidence of its own whose
/// posterior is below `NEVER_SHOWN`: each of those must be 0 % anyway. A percentage
/// only grows with the probability, so the largest one below is the one to check.
#[test]
fn below_never_shown_is_nothing_percent() {
    assert_eq!(percent(NEVER_SHOWN.next_down()), 0);
    assert_eq!(percent(0.0), 0);
    assert!(percent(0.0051) > 0);
}

#[test]
fn odd_text_never_panics() {
    let long = "x".repeat(200);
    let bodies = [
        "",
        "“",
        "\"unbalanced quote on January 99 and 31 February",
        "Ā Ç Ğ Ňāme Avīzes TREATIES Kyiv’s 13–14–15 January 2022–2023",
        "12345678901234567890 2022 1900 2100 0 00 007 May May. march.",
        "Mr. U.S. p.m. a.m. ... ??? !!! — – ‒ … «» „“",
        long.as_str(),
        "on Monday on Tuesday last Sunday next Saturday this week the week past week",
        "in the summer of 2021, last winter, next spring, this fall, mid-December, end of March",
    ];
    for body in bodies {
        let text = if body.trim().is_empty() { "x" } else { body };
        let _ = ids("2022-01-14", text);
        let _ = ids("2021-12-31", &format!("- {text}\n- {text}"));
    }
}

// --- Reading an article as a whole ---

/// The event ids of each passage of an article of `kind` titled `title`.
fn ids_of(kind: &str, title: &str, published: &str, body: &str) -> Vec<Vec<&'static str>> {
    ids_in(&[article_of(kind, title, published, body)], Mode::Auto).remove(0)
}

#[test]
fn a_report_goes_on_about_the_event_its_lead_names() {
    let body = "BRUSSELS — Russia and NATO met in the NATO-Russia Council on Wednesday.\n\n\
                The session lasted about four hours.\n\n\
                “We had a frank exchange,” one diplomat said afterwards.\n\n\
                Neither side announced a date for another meeting.";
    assert_eq!(
        ids_of("news", "Four hours in Brussels", "2022-01-12", body),
        vec![vec![NRC], vec![NRC], vec![NRC], vec![NRC]]
    );
    let why = why_of("news", "Four hours in Brussels", "2022-01-12", body, 1);
    assert_eq!(why[NRC], vec!["context: continues ¶1".to_string()]);
}

#[test]
fn an_authors_note_and_an_outside_expert_belong_to_no_event() {
    let text = "+++\nid = \"test\"\ntitle = \"Four hours in Brussels\"\noutlet = \"O\"\n\
                country = \"C\"\nauthor = \"Ilze Kalnina\"\npublished = 2022-01-12\n\
                kind = \"news\"\nlanguage = \"en\"\n+++\n\n\
                BRUSSELS — Russia and NATO met in the NATO-Russia Council on Wednesday.\n\n\
                The session lasted about four hours.\n\n\
                A defence analyst at a think tank in Riga believes the alliance should spend more.\n\n\
                Ilze Kalnina is a correspondent in Brussels.\n";
    let a = parse_article("test.md", text.as_bytes()).expect("parses");
    assert_eq!(
        ids_in(&[a], Mode::Auto).remove(0),
        vec![vec![NRC], vec![NRC], vec![], vec![]]
    );
}

#[test]
fn a_wires_credit_line_belongs_to_no_event() {
    let body = "BRUSSELS — Russia and NATO met in the NATO-Russia Council on Wednesday.\n\n\
                The session lasted about four hours.\n\n\
                (Reporting by Sabine Siebold; Editing by Mark Heinrich)";
    assert_eq!(
        ids_of("news", "Four hours in Brussels", "2022-01-12", body),
        vec![vec![NRC], vec![NRC], vec![]]
    );
}

#[test]
fn a_comment_does_not_carry_an_event_into_its_argument() {
    let body = "The NATO-Russia Council met in Brussels on Wednesday.\n\n\
                Alliances are a country's own business.\n\n\
                A neighbour that claims a veto over them asks for a sphere.";
    assert_eq!(
        ids_of("opinion", "Spheres", "2022-01-15", body),
        vec![vec![NRC], vec![], vec![]]
    );
}

#[test]
fn every_assignment_carries_a_confidence() {
    let t = timeline();
    let body = "BRUSSELS — Russia and NATO met in the NATO-Russia Council on Wednesday.\n\n\
                The session lasted about four hours.";
    let a = article_of("news", "Four hours in Brussels", "2022-01-12", body);
    let out = align(&[a], &t, Mode::Auto);
    let first = &out.articles[0][0].events[0];
    let second = &out.articles[0][1].events[0];
    assert!(first.confidence >= 90, "{first:?}");
    assert!(
        second.confidence > 50 && second.confidence <= 100,
        "{second:?}"
    );
}

#[test]
fn someone_introduced_as_a_stranger_is_an_outside_voice() {
    // The report ends on what outsiders make of it: no event.
    let body = "BRUSSELS — Russia and NATO met in the NATO-Russia Council on Wednesday.\n\n\
                The session lasted about four hours.\n\n\
                Glen Grant, a defence expert in Riga, believes the alliance should spend more.\n\n\
                Tim Ash, an emerging-markets strategist, expects higher energy prices.";
    assert_eq!(
        ids_of("news", "Four hours in Brussels", "2022-01-12", body),
        vec![vec![NRC], vec![NRC], vec![], vec![]]
    );
    // A participant of the timeline introduced the same way is no outsider.
    let model = Aligner::new(&timeline()).model;
    let voice = |text: &str| {
        let mut reading = Reading::default();
        let mut hits = Vec::new();
        read(text, &model.vocab, &mut reading);
        model.cues.find(&reading.tokens, &mut hits);
        outside_voice(text, &reading, &hits)
    };
    assert!(voice(
        "Glen Grant, a defence expert in Riga, expects an answer."
    ));
    assert!(!voice(
        "Sergei Ryabkov, a deputy foreign minister, expects an answer."
    ));
    // "Expert consultations" are talks, not an outsider's view.
    let body = "BRUSSELS — Russia and NATO met in the NATO-Russia Council on Wednesday.\n\n\
                Officials said expert consultations would follow within weeks.";
    assert_eq!(
        ids_of("news", "Four hours in Brussels", "2022-01-12", body),
        vec![vec![NRC], vec![NRC]]
    );
}

#[test]
fn in_a_transcript_the_answer_is_about_what_was_asked_and_the_chair_about_nothing() {
    let body = "Jens Stoltenberg: The NATO-Russia Council has just finished in Brussels.\n\n\
                Moderator: We will now take a few questions.\n\n\
                Question: After the talks in Geneva on Monday and the council in Brussels \
                today, what do you expect from the OSCE in Vienna tomorrow?\n\n\
                Jens Stoltenberg: We must not give up on diplomacy.";
    let got = ids_of("transcript", "Press conference", "2022-01-12", body);
    assert_eq!(got[1], Vec::<&str>::new(), "{got:?}");
    assert!(got[2].contains(&OSCE) && got[2].contains(&NRC), "{got:?}");
    assert_eq!(
        got[3], got[2],
        "the answer is about what was asked: {got:?}"
    );
}

#[test]
fn a_report_on_a_round_that_turns_to_the_drafts_topics_stays_on_its_round() {
    // Legally binding guarantees are the draft treaties' topic; a transcript of the
    // Geneva round that comes to them is still the Geneva round.
    let body = "Sergei Ryabkov: We have just finished the consultations in Geneva with \
                our American colleagues.\n\n\
                Question: What does Russia need now?\n\n\
                Sergei Ryabkov: We need guarantees that are legally binding, and soon.\n\n\
                Question: How would you describe the atmosphere?\n\n\
                Sergei Ryabkov: Businesslike, without emotions.";
    let title = "Answers to questions after the consultations in Geneva";
    let got = ids_of("transcript", title, "2022-01-10", body);
    for (i, p) in got.iter().enumerate() {
        assert!(p.contains(&GENEVA), "¶{}: {got:?}", i + 1);
    }
    // A report whose own subject is the drafts is about them.
    let body = "Moscow has published its draft treaties with Washington and NATO.\n\n\
                It wants guarantees that are legally binding.";
    let got = ids_of("news", "Moscow's drafts", "2021-12-17", body);
    assert_eq!(got, vec![vec![DRAFTS], vec![DRAFTS]]);
}

#[test]
fn a_passage_that_continues_another_carries_on_its_main_event() {
    // The lead is on the press conference, and mentions the week of talks in passing;
    // the pronoun after it goes on about the press conference alone.
    let body = "Sergei Lavrov said on Friday at his annual press conference in Moscow that, \
                after three rounds of talks, Russia's patience had run out.\n\n\
                He spoke at length and took questions on everything from the pandemic to \
                Kazakhstan.";
    let got = ids_of("news", "Lavrov", "2022-01-14", body);
    assert!(got[0].contains(&AFTER), "{got:?}");
    assert_eq!(got[1], vec![AFTER], "{got:?}");
    // Rounds named alike are all carried on.
    let body = "The talks in Geneva on Monday, in Brussels on Wednesday and in Vienna on \
                Thursday ended without agreement.\n\n\
                They were the first such talks in years.";
    let got = ids_of("news", "A week of talks", "2022-01-14", body);
    assert_eq!(got[1], got[0], "{got:?}");
    assert!(got[1].len() >= 3, "{got:?}");
}

#[test]
fn transcript_labels_as_press_offices_print_them() {
    use super::context::{is_procedure, is_question, speaker};
    let is_question_in = |text| is_question(speaker(text));
    let is_procedure_in = |text| is_procedure(text, speaker(text));
    assert_eq!(
        speaker("Jens Stoltenberg: Good afternoon."),
        Some("Jens Stoltenberg")
    );
    assert_eq!(
        speaker("Oana Lungescu [NATO Spokesperson]: Welcome."),
        Some("Oana Lungescu")
    );
    assert!(is_question_in("QUESTION: Thank you, Ned."));
    assert!(is_question_in(
        "Question (Teri Schultz, Deutsche Welle): Secretary General, …"
    ));
    assert!(is_question_in("Q [Reuters]: Will they come back?"));
    assert!(is_procedure_in("MODERATOR: Last question, please."));
    // The chair of a press conference, by the role the label gives.
    assert!(is_procedure_in(
        "Oana Lungescu [NATO Spokesperson]: We'll go to Reuters."
    ));
    assert!(is_procedure_in(
        "NATO Spokesperson Oana Lungescu: Thank you, that concludes it."
    ));
    assert!(is_procedure_in("Jane Doe (Moderator): Next question."));
    // Not the chair: the speaker, a questioner, a role that chairs nothing.
    assert!(!is_procedure_in("Jens Stoltenberg: Good afternoon."));
    assert!(!is_procedure_in(
        "Question [Reuters]: Will they meet again?"
    ));
    assert!(!is_procedure_in(
        "Wendy Sherman [Deputy Secretary of State]: We were firm."
    ));
    assert!(!is_procedure_in("The spokesperson said: no comment."));
    // Not labels: a sentence with a colon, brackets that do not close the label.
    assert_eq!(speaker("The message was clear: no deal."), None);
    assert_eq!(speaker("Q (AFP) asked again: why?"), None);
}

#[test]
fn why_shows_the_cues_behind_an_event_the_chain_turned_to() {
    // "Geneva" is shared by the summit and the round: neither decides alone, and the
    // chain takes the round; `why` must still show the cues it stood on.
    let t = timeline();
    let body = "Two weeks ago, negotiators met in Geneva.\n\n\
                A fortnight ago the talks in Geneva began.";
    let a = article_of("news", "Looking back", "2022-01-24", body);
    let why = align(&[a], &t, Mode::Auto).why(&t, 0, 0);
    let Some(geneva) = why.get(GENEVA) else {
        panic!("the round: {why:?}");
    };
    assert!(geneva.iter().any(|r| r == "place: Geneva"), "{geneva:?}");
}

#[test]
fn a_section_heading_names_the_event_of_the_passages_under_it() {
    // A look back, two weeks on: each section is headed by the place of its round, and
    // its paragraphs name neither the round nor its day.
    let body = "## Brussels\n\n\
                The alliance and Moscow's envoys sat at one table for four hours, and \
                the most concrete offer came from the allies.\n\n\
                ## Vienna\n\n\
                The last meeting drew the least attention, and its host had the least \
                to say.";
    let headed = ids_of("analysis", "Two weeks on", "2022-01-24", body);
    assert_eq!(headed, vec![vec![NRC], vec![OSCE]]);
    let t = timeline();
    let art = article_of("analysis", "Two weeks on", "2022-01-24", body);
    let why = align(&[art], &t, Mode::Auto).why(&t, 0, 0);
    assert_eq!(
        why.get(NRC).and_then(|w| w.first()).map(String::as_str),
        Some("under the heading “Brussels”"),
        "{why:?}"
    );
    // The same paragraphs without their headings are about nothing one can name.
    let bare = body
        .replace("## Brussels\n\n", "")
        .replace("## Vienna\n\n", "");
    assert_eq!(
        ids_of("analysis", "Two weeks on", "2022-01-24", &bare),
        vec![Vec::<&str>::new(), vec![]]
    );
}

#[test]
fn a_week_read_from_publication_is_no_sign_of_another_time() {
    // Two weeks on, "the week" may be the week looked back on: unlike "in 2019", it
    // does not place the passage at a time no event falls on.
    let body = "## Brussels\n\n\
                The alliance and Moscow's envoys sat at one table for four hours. The \
                most concrete offer of the week came from the allies.";
    assert_eq!(
        ids_of("analysis", "Two weeks on", "2022-01-24", body),
        vec![vec![NRC]]
    );
    // A year is: even in a section about the round, a passage set in one is history.
    let dated = body.replace(
        " The most concrete offer of the week came from the allies.",
        "\n\nNo such offer had been made at the talks in 2019.",
    );
    assert_eq!(
        ids_of("analysis", "Two weeks on", "2022-01-24", &dated),
        vec![vec![NRC], vec![]],
        "a year no event falls on still speaks of another time"
    );
}

#[test]
fn a_day_counted_on_from_the_round_just_told() {
    let told = "Sherman and Ryabkov met at the US mission in Geneva on 10 January.\n\n";
    let next = "Two days later, the allies held a council with Russia's envoys.";
    assert_eq!(
        ids_of(
            "analysis",
            "A look back",
            "2022-01-24",
            &format!("{told}{next}")
        ),
        vec![vec![GENEVA], vec![NRC]]
    );
    // Counted from the summit of June instead, the same words name no event.
    let summit = "Biden and Putin met at a villa in Geneva on 16 June 2021.\n\n";
    assert_eq!(
        ids_of(
            "analysis",
            "A look back",
            "2022-01-24",
            &format!("{summit}{next}")
        ),
        vec![vec![SUMMIT], vec![]]
    );
}

#[test]
fn a_transcript_keeps_its_occasion_beside_the_next_round() {
    // Everything in a transcript was said at its event: a question about the next round
    // is still asked at this one; the chair's procedure is about none.
    let body = "Deputy Minister: Good evening. We have just finished a long day of \
                consultations with the American delegation here in Geneva.\n\n\
                Question: Will your colleagues take the same message to Brussels on \
                Wednesday, to the NATO-Russia Council?\n\n\
                Moderator: Colleagues, there is time for one more question.";
    let title = "The deputy minister's answers to questions after the consultations in Geneva";
    assert_eq!(
        ids_of("transcript", title, "2022-01-10", body),
        vec![vec![GENEVA], vec![GENEVA, NRC], vec![]]
    );
    let t = timeline();
    let art = article_of("transcript", title, "2022-01-10", body);
    let why = align(&[art], &t, Mode::Auto).why(&t, 0, 1);
    assert!(
        why.get(GENEVA)
            .is_some_and(|w| w[0].starts_with("context: said at Geneva talks")),
        "{why:?}"
    );
    // Told in a report instead, the question is about the next round alone.
    let told = body
        .replace("Deputy Minister: ", "")
        .replace(
            "Question: Will your colleagues",
            "The question was whether his colleagues would",
        )
        .replace("Council?", "Council.");
    assert_eq!(ids_of("analysis", title, "2022-01-10", &told)[1], vec![NRC]);
}

#[test]
fn a_passage_that_refers_to_the_reported_event_keeps_it_beside_the_dates_of_others() {
    // A readout of the call of 30 December: "the exchange" is that call, whatever the
    // dates of the earlier events it recalls.
    let lead = "Vladimir Putin had a telephone conversation with the President of the \
                United States, Joseph Biden.\n\n";
    let recalled = "The President of Russia noted that the exchange continued the one \
                    begun during the video conference of 7 December.";
    let title = "Telephone conversation with the President of the United States";
    assert_eq!(
        ids_of(
            "statement",
            title,
            "2021-12-31",
            &format!("{lead}{recalled}")
        ),
        vec![vec![PHONE], vec![VIDEO, PHONE]]
    );
    // Without a word that refers back, the passage is about the video call alone.
    let other = recalled.replace("the exchange continued the one", "talks had begun");
    assert_eq!(
        ids_of("statement", title, "2021-12-31", &format!("{lead}{other}"))[1],
        vec![VIDEO]
    );
}

#[test]
fn an_answer_is_about_all_the_question_asked() {
    let body = "Secretary General: Good afternoon. The NATO-Russia Council has just \
                concluded, after four hours.\n\n\
                Question: After Geneva on Monday, and before Vienna tomorrow, is there \
                any sign that Russia will pull its troops back?\n\n\
                Secretary General: We will hear more in Vienna. The risk of conflict is \
                real.";
    let title = "Press conference by the Secretary General after the NATO-Russia Council";
    let got = ids_of("transcript", title, "2022-01-12", body);
    assert_eq!(got[1], vec![GENEVA, NRC, OSCE], "the question: {got:?}");
    // The answer names Vienna, but answers for Geneva and Brussels too.
    assert_eq!(got[2], vec![GENEVA, NRC, OSCE], "the answer: {got:?}");
}

#[test]
fn rounds_named_together_vouch_for_each_other_even_when_one_is_clear_alone() {
    // Geneva is named clearly enough alone (a date, a place, a meeting); Brussels only
    // by its place and "the session": together they are the rounds the passage is about.
    let both = "Of the meeting in Geneva on Monday, the minister said the \
                Americans had listened. Of the session in Brussels, he was more \
                dismissive.";
    assert_eq!(
        ids_of("analysis", "T", "2022-01-14", both),
        vec![vec![GENEVA, NRC]]
    );
    // The same place alone, beside no other round, decides nothing.
    let alone = "Of the session in Brussels, he was more dismissive.";
    assert_eq!(
        ids_of("analysis", "T", "2022-01-14", alone),
        vec![Vec::<&str>::new()]
    );
}

#[test]
fn a_heading_that_names_an_event_governs_its_whole_section() {
    // In an analysis, a passage of no evidence of its own is general argument, unless
    // the section it stands in is headed by an event: then it argues about that event.
    let body = "## Brussels\n\n\
                The alliance and Moscow's envoys sat at one table for four hours.\n\n\
                It is worth noting what did not happen: neither side walked out.";
    assert_eq!(
        ids_of("analysis", "Two weeks on", "2022-01-24", body),
        vec![vec![NRC], vec![NRC]]
    );
    // Under a heading that names no event, the argument is about none.
    let unnamed = body.replace("## Brussels", "## What was said");
    assert_eq!(
        ids_of("analysis", "Two weeks on", "2022-01-24", &unnamed),
        vec![Vec::<&str>::new(), vec![]]
    );
}

#[test]
fn a_passage_that_hangs_on_the_last_recalls_an_earlier_event_beside_it() {
    // "It was the first time … since they met in Geneva in June": the call is still
    // being told, and June only bounds a stretch of time, so it does not rule the call
    // out; the summit it names is there too.
    let lead = "Joe Biden warned Vladimir Putin over a secure video link on Tuesday that \
                Russia would face severe economic penalties.\n\n";
    let recalled = "It was the first time the two men had spoken at length since they met \
                    in Geneva in June.";
    let title = "Biden warns Putin of sanctions in video call";
    assert_eq!(
        ids_of("news", title, "2021-12-08", &format!("{lead}{recalled}")),
        vec![vec![VIDEO], vec![SUMMIT, VIDEO]]
    );
    // Told as a date of its own, June is the time of the passage: the summit alone.
    let dated = "It was in June that the two men met in Geneva.";
    assert_eq!(
        ids_of("news", title, "2021-12-08", &format!("{lead}{dated}"))[1],
        vec![SUMMIT]
    );
}

#[test]
fn the_past_month_is_a_stretch_up_to_now_not_the_time_of_the_passage() {
    let lead = "American and Russian negotiators were due to start their talks in Geneva \
                on Monday.\n\n";
    let stretch = "Wendy Sherman leads the American side. Across the table will be Sergei \
                   Ryabkov, who has spent the past month telling reporters that Moscow is \
                   tired of promises.";
    let title = "US and Russian envoys meet in Geneva";
    assert_eq!(
        ids_of("news", title, "2022-01-09", &format!("{lead}{stretch}")),
        vec![vec![GENEVA], vec![GENEVA]]
    );
    // "Last month" is a time: the passage is about what happened then.
    let then = "Sergei Ryabkov published the Russian draft treaties last month.";
    assert_eq!(
        ids_of("news", title, "2022-01-09", &format!("{lead}{then}"))[1],
        vec![DRAFTS]
    );
}

#[test]
fn words_still_attributed_to_the_speaker_stay_at_the_event_he_spoke_at() {
    let lead = "Sergei Lavrov said on Friday that Russia's patience had run out, speaking \
                at his annual press conference.\n\n";
    let tagged = "In Vienna, he added, the OSCE had shown that it could host a \
                  conversation but not conduct one.";
    let title = "Lavrov: Moscow will not wait for ever";
    assert_eq!(
        ids_of("news", title, "2022-01-14", &format!("{lead}{tagged}")),
        vec![vec![AFTER], vec![OSCE, AFTER]]
    );
    // Without the speech tag, the passage is the reporter's own, about Vienna alone.
    let untagged = tagged.replace(", he added,", "");
    assert_eq!(
        ids_of("news", title, "2022-01-14", &format!("{lead}{untagged}"))[1],
        vec![OSCE]
    );
}

#[test]
fn a_series_called_by_its_own_name_stays_beside_the_round_that_ended_it() {
    // The week is named as such, and so is where it ended: both.
    let got = ids(
        "2022-01-17",
        "The diplomatic marathon between Moscow and the West that ended at the OSCE in \
         Vienna last Thursday brought no agreement.",
    );
    assert_eq!(got, vec![vec![OSCE, WEEK]]);
    // Only the round's own names: the round alone, the series yields to it.
    let got = ids(
        "2022-01-17",
        "The meeting of the OSCE Permanent Council in Vienna last Thursday brought no \
         agreement.",
    );
    assert_eq!(got, vec![vec![OSCE]]);
}

#[test]
fn a_dispatch_under_a_dateline_reports_whatever_kind_it_is_filed_under() {
    let body = |dateline: &str| {
        format!(
            "{dateline}American and Russian negotiators sit down on Monday for a Strategic \
             Stability Dialogue in Geneva.\n\n\
             Officials who briefed reporters played down any hope of a breakthrough, and \
             said the aim was to learn whether the other side is serious."
        )
    };
    // Filed from where it happens: the second paragraph goes on about the round.
    let got = ids_of("analysis", "T", "2022-01-09", &body("GENEVA \u{2014} "));
    assert_eq!(got, vec![vec![GENEVA], vec![GENEVA]]);
    let got = ids_of(
        "analysis",
        "T",
        "2022-01-09",
        &body("GENEVA, Jan 9 (Reuters) - "),
    );
    assert_eq!(got, vec![vec![GENEVA], vec![GENEVA]]);
    // The same analysis without one argues: a paragraph without evidence is its own.
    let got = ids_of("analysis", "T", "2022-01-09", &body(""));
    assert_eq!(got, vec![vec![GENEVA], vec![]]);
}

#[test]
fn a_dateline_is_a_place_in_capitals_before_a_dash() {
    assert!(opens_with_dateline("GENEVA \u{2014} The talks began."));
    assert!(opens_with_dateline(
        "KYIV, Ukraine (AP) \u{2014} Officials said."
    ));
    assert!(opens_with_dateline(
        "MOSCOW, Jan 10 (Reuters) - Russia said."
    ));
    assert!(opens_with_dateline("SÃO PAULO \u{2013} A minister said."));
    assert!(!opens_with_dateline(
        "The talks \u{2014} long awaited \u{2014} began."
    ));
    assert!(!opens_with_dateline(
        "US envoy said the talks - if any - would wait."
    ));
    assert!(!opens_with_dateline("A \u{2014} short start."));
}

#[test]
fn a_verdict_on_the_week_of_talks_is_about_the_series() {
    // In the week of the talks, "the week" judged is the week of talks.
    assert_eq!(
        ids(
            "2022-01-13",
            "Diplomats said the outcome of the week now depended on whether Moscow chose \
             to keep negotiating."
        ),
        vec![vec![WEEK]]
    );
    assert_eq!(
        ids(
            "2022-01-13",
            "Kyiv wants something simpler: that this week should end without anyone giving \
             away what is not theirs to give."
        ),
        vec![vec![WEEK]]
    );
    // The week without a verdict or a word for talks is only a time.
    assert_eq!(
        ids(
            "2022-01-13",
            "Heavy snow closed the airport for much of the week."
        ),
        vec![vec![] as Vec<&str>]
    );
}

#[test]
fn in_a_report_its_own_people_named_again_are_at_its_own_event() {
    let body = "Vladimir Putin had a telephone conversation with Joseph Biden at the Russian \
                side's initiative.\n\n\
                The President of Russia recalled the video conference of 7 December, when \
                the two leaders first discussed security guarantees.\n\n\
                Joseph Biden, for his part, said that the United States had no intention of \
                deploying offensive weapons in Ukraine.";
    let title = "Telephone conversation with the US President";
    let got = ids_of("statement", title, "2021-12-31", body);
    assert_eq!(got[2], vec![PHONE]);
    let why = why_of("statement", title, "2021-12-31", body, 2);
    assert_eq!(
        why[PHONE][0],
        "context: after ¶2, a participant of the article's own event again"
    );
    // An argument has no event of its own to return to: the people of the event just
    // recalled.
    let got = ids_of("commentary", title, "2021-12-31", body);
    assert_eq!(got[2], vec![VIDEO]);
}

#[test]
fn in_a_report_on_one_round_the_talks_are_that_round() {
    let body = "U.S. and Russian negotiators met at the U.S. mission in Geneva on Monday for \
                strategic stability talks.\n\n\
                Officials said the talks had produced no breakthrough.";
    let got = ids_of(
        "news",
        "Geneva talks end without breakthrough",
        "2022-01-10",
        body,
    );
    assert_eq!(got, vec![vec![GENEVA], vec![GENEVA]]);
    let title = "Geneva talks end without breakthrough";
    let why = why_of("news", title, "2022-01-10", body, 1);
    assert_eq!(why[GENEVA][0], "context: judges the talks of ¶1");
    // A transcript of the round's press conference: the talks just concluded are the
    // round's.
    let why = why_of(
        "transcript",
        "Press call on the Strategic Stability Dialogue in Geneva",
        "2022-01-10",
        "MODERATOR: Good evening. We are joined by the head of the delegation, who has \
         just concluded the talks.",
        0,
    );
    assert_eq!(why.keys().collect::<Vec<_>>(), [GENEVA]);
    assert_eq!(why[GENEVA][0], "talks: \"the talks\" … \"concluded\"");
    // An argument about the week has no round of its own: the talks are the week's.
    let got = ids_of(
        "commentary",
        "T",
        "2022-01-14",
        "The talks produced no breakthrough.",
    );
    assert_eq!(got, vec![vec![WEEK]]);
}

#[test]
fn the_chair_of_a_press_conference_by_the_role_its_label_gives_speaks_of_no_event() {
    let got = ids_of(
        "transcript",
        "Press conference following the meeting of the NATO-Russia Council",
        "2022-01-12",
        "NATO Secretary General Jens Stoltenberg: Good afternoon. We have just concluded a \
         meeting of the NATO-Russia Council.\n\n\
         Allies and Russia expressed their views.\n\n\
         Oana Lungescu [NATO Spokesperson]: We'll go to Reuters.\n\n\
         Question [Reuters]: Did Russia commit to de-escalation?\n\n\
         NATO Secretary General Jens Stoltenberg: Russia was not in a position to agree \
         today.",
    );
    assert_eq!(got[2], Vec::<&str>::new(), "{got:?}");
    assert_eq!(got[3], vec![NRC], "{got:?}");
}

/// A report whose title and date leave its subject open ("stand firm at talks", filed
/// the morning after) takes it from its lead, and then "the talks" are that round.
#[test]
fn a_report_takes_its_subject_from_its_lead() {
    let body = "BRUSSELS — A meeting between NATO and Russian officials at the NATO-Russia \
                Council yielded no new agreements on Wednesday.\n\n\
                The talks come as Russia's massing of troops stokes fears that it is \
                preparing to launch a new attack.";
    let got = ids_of(
        "news",
        "NATO, Russia stand firm at talks",
        "2022-01-13",
        body,
    );
    assert_eq!(got, vec![vec![NRC], vec![NRC]]);
    // A caption before it is not the lead: the story is what the subject comes from.
    let captioned =
        format!("<!-- caption -->\nThe OSCE's chairman speaks in Vienna on 13 January.\n\n{body}");
    let got = ids_of(
        "news",
        "NATO, Russia stand firm at talks",
        "2022-01-13",
        &captioned,
    );
    assert_eq!(got[1..], [vec![NRC], vec![NRC]]);
}

/// "The meeting", one gathering, is the round the article has just told, where "the
/// talks" awaited may be the whole series.
#[test]
fn the_meeting_in_the_singular_is_the_round_just_told() {
    let body = "On Wednesday, Allies will meet with Russia in the NATO-Russia Council.\n\n\
                The meeting will focus on the situation in and around Ukraine.";
    let got = ids_of("transcript", "Press conference", "2022-01-07", body);
    assert_eq!(got, vec![vec![NRC], vec![NRC]]);
    let why = why_of("transcript", "Press conference", "2022-01-07", body, 1);
    assert_eq!(why[NRC], ["talks: \"The meeting\" … \"will\""]);
}

/// A wire story ends on background: how things stand, in the present or its perfect,
/// with no past of its own ("Moscow has massed troops"), is no more of the meeting it
/// reported. What happened there, told in the past, is; and in a transcript the
/// present is the speaker's, at the event.
#[test]
fn a_report_s_background_states_how_things_stand() {
    let body = "BRUSSELS — NATO and Russia held their first NATO-Russia Council in two years \
                on Wednesday.\n\n\
                Allies offered talks on arms control, and the Russian side listened.\n\n\
                Moscow has massed an estimated 100,000 troops near Ukraine, and Kyiv and its \
                allies are increasingly worried that it is preparing an attack.";
    let got = ids_of("news", "No breakthrough", "2022-01-12", body);
    assert_eq!(got, vec![vec![NRC], vec![NRC], vec![]]);
    // Told in the past, the same passage is more of the meeting.
    let told = body
        .replace("has massed", "massed")
        .replace("are increasingly", "were");
    let got = ids_of("news", "No breakthrough", "2022-01-12", &told);
    assert_eq!(got[2], vec![NRC]);
    // Once the present has set the sentence's tense, a later "-ed" is a participle
    // ("troops amassed"); before it, or in a later sentence, it is a past.
    let participle = body.replace(
        "Moscow has massed an estimated 100,000 troops near Ukraine, and Kyiv and its \
         allies are increasingly worried that it is preparing an attack.",
        "Moscow has denied plans to attack, with an estimated 100,000 troops amassed near \
         Ukraine.",
    );
    let got = ids_of("news", "No breakthrough", "2022-01-12", &participle);
    assert_eq!(got[2], Vec::<&str>::new());
    let past_first = participle.replace(
        "Moscow has denied plans to attack,",
        "Moscow denied plans to attack, and it is massing troops,",
    );
    let got = ids_of("news", "No breakthrough", "2022-01-12", &past_first);
    assert_eq!(got[2], vec![NRC]);
    let past_after = participle.replace("near Ukraine.", "near Ukraine. Troops arrived.");
    let got = ids_of("news", "No breakthrough", "2022-01-12", &past_after);
    assert_eq!(got[2], vec![NRC]);
    // A name or a pronoun just before the "-ed" is its subject: a past of its own; and
    // so is an irregular past or a verb of speech.
    for past in [
        "Moscow has denied plans to attack, and Russia amassed troops near Ukraine.",
        "Moscow has denied plans to attack, and they amassed troops near Ukraine.",
        "Moscow is ready to keep talking, Grushko said.",
    ] {
        let told = body.replace(
            "Moscow has massed an estimated 100,000 troops near Ukraine, and Kyiv and its \
             allies are increasingly worried that it is preparing an attack.",
            past,
        );
        let got = ids_of("news", "No breakthrough", "2022-01-12", &told);
        assert_eq!(got[2], vec![NRC], "{past}");
    }
    // Said at the event, in a transcript, the present is the speaker's.
    let said = "I have just chaired the NATO-Russia Council.\n\n\
                Russia has massed troops near Ukraine, and Allies are worried.";
    let got = ids_of("transcript", "Press conference", "2022-01-12", said);
    assert_eq!(got, vec![vec![NRC], vec![NRC]]);
}

/// A pledge that waits on a condition put in the present ("promised sanctions if
/// Russia invades"), told by the reporter with nothing of its own naming an event, is
/// a standing position: background even between two passages of the meeting. Said by a
/// speaker, or with the condition told in the past, it is what was said there.
#[test]
fn a_conditional_pledge_is_a_standing_position() {
    let body = "BRUSSELS — NATO and Russia held their first NATO-Russia Council in two years \
                on Wednesday.\n\n\
                Allies offered talks on arms control, and the Russian side listened.\n\n\
                The U.S. and its allies promised severe economic sanctions if Russia \
                invades.\n\n\
                Grushko told reporters that the alliance had ignored Moscow's proposals.";
    let got = ids_of("news", "No breakthrough", "2022-01-12", body);
    assert_eq!(got, vec![vec![NRC], vec![NRC], vec![], vec![NRC]]);
    // The condition told in the past is what happened at the table.
    for past in ["if Russia invaded", "if Russian troops crossed the border"] {
        let told = body.replace("if Russia invades", past);
        let got = ids_of("news", "No breakthrough", "2022-01-12", &told);
        assert_eq!(got[2], vec![NRC], "{past}");
    }
    // A condition without a pledge is no standing position.
    let open = body.replace(
        "The U.S. and its allies promised severe economic sanctions if Russia invades.",
        "Allies will meet Russia again if progress is made.",
    );
    let got = ids_of("news", "No breakthrough", "2022-01-12", &open);
    assert_eq!(got[2], vec![NRC]);
    // A speaker's warning is what was said there.
    let said = body.replace("The U.S. and its allies promised", "Allies warned of");
    let got = ids_of("news", "No breakthrough", "2022-01-12", &said);
    assert_eq!(got[2], vec![NRC]);
}

/// A lead that sets the scene before the news: a report's subject is the first of its
/// two opening paragraphs that names an event, and "the meeting" later is that round,
/// even after a paragraph naming two others.
#[test]
fn a_scene_setting_lead_leaves_the_subject_to_the_next_paragraph() {
    let body = "Russia and the United States have failed to resolve their differences.\n\n\
                Wendy Sherman and Sergei Ryabkov had little progress to report after the \
                eight-hour meeting at the U.S. mission in Geneva on Monday.\n\n\
                The NATO-Russia Council in Brussels and the OSCE Permanent Council in Vienna \
                come next.\n\n\
                Both sides had dampened expectations in the run-up to the meeting, and \
                neither will move.";
    let got = ids_of("news", "No breakthrough", "2022-01-10", body);
    assert_eq!(got[1], vec![GENEVA]);
    assert_eq!(got[3], vec![GENEVA]);
}

/// A week of talks that names its rounds is about the week and the rounds; "a series"
/// or "a round" of talks may be one meeting, and yields to the rounds it names.
#[test]
fn a_week_of_talks_stays_beside_the_rounds_it_gathers() {
    let body = "Diplomats offered a dire assessment of a week of high-level diplomacy that \
                included talks with Wendy Sherman in Geneva and separate rounds with NATO in \
                Brussels and the OSCE in Vienna.";
    let got = ids_of("news", "T", "2022-01-14", body);
    assert_eq!(got, vec![vec![GENEVA, NRC, OSCE, WEEK]]);
    let one = "Two days later, on January 12, the next series of talks began at NATO in \
               Brussels, and the OSCE Permanent Council met in Vienna on 13 January.";
    let got = ids_of("news", "T", "2022-01-14", one);
    assert_eq!(got, vec![vec![NRC, OSCE]]);
    // "The talks in recent days" are the week's, counted back from publication.
    let recent = "Analysts weighed up what the talks of recent days with Moscow had \
                  produced.";
    let got = ids_of("analysis", "T", "2022-01-14", recent);
    assert_eq!(got, vec![vec![WEEK]]);
    // Talks that "stalled" this week are judged as "failed" ones are: the week's.
    let stalled = "The negotiations between the two capitals stalled earlier this week.";
    let got = ids_of("analysis", "T", "2022-01-14", stalled);
    assert_eq!(got, vec![vec![WEEK]]);
}

/// A role stripped of its country ("Foreign Minister", of the OSCE round's Polish
/// chair) is not another country's minister: "Russian Foreign Minister Sergei Lavrov"
/// is someone else. Alone or with its own country it is still the chair's; in the
/// plural it is a class of people, nobody's role.
#[test]
fn a_role_of_another_country_is_another_person() {
    let t = timeline();
    let a = article_of(
        "news",
        "T",
        "2022-01-20",
        "Russian Foreign Minister Sergei Lavrov spoke.\n\n\
         Polish Foreign Minister Zbigniew Rau spoke.\n\n\
         The Foreign Minister spoke.\n\n\
         The foreign ministers of the alliance spoke.",
    );
    let aligner = Aligner::new(&t);
    let osce = t.events.iter().position(|e| e.id == OSCE).expect("osce");
    let mut scratch = Scratch::default();
    let mut roles = Vec::new();
    for block in a.blocks.iter().filter(|b| b.is_passage()) {
        read(&block.text, &aligner.model.vocab, &mut scratch.reading);
        aligner
            .model
            .cues
            .find(&scratch.reading.tokens, &mut scratch.hits);
        let passage = Passage::new(
            &aligner.model,
            &block.text,
            &scratch.reading,
            &scratch.hits,
            a.meta.published,
            None,
            std::mem::take(&mut scratch.passage),
        );
        let mut cands = Vec::new();
        let named = passage.hits.iter().any(|h| {
            evidence::candidates(
                &aligner.model,
                &passage,
                h,
                &[],
                a.meta.published,
                &mut cands,
            );
            cands
                .iter()
                .any(|&(e, k)| e == osce && k == cues::CueKind::Role)
        });
        roles.push(named);
        scratch.passage = passage.recycle();
    }
    assert_eq!(roles, [false, true, true, false]);
}

/// "On January 9–10": a meeting and its eve, when nothing else falls in those days, is
/// that meeting as surely as its day alone.
#[test]
fn a_run_of_days_round_one_event_is_that_event() {
    let got = ids_of(
        "analysis",
        "T",
        "2022-01-14",
        "On January 9-10, negotiations between Russia and the United States were held.",
    );
    assert_eq!(got, vec![vec![GENEVA]]);
    // Two rounds in the run: neither alone.
    let got = ids_of(
        "analysis",
        "T",
        "2022-01-14",
        "On January 12-13, meetings were held.",
    );
    assert_ne!(got[0], [NRC]);
    assert_ne!(got[0], [OSCE]);
}

/// A date beside a speech verb dates the telling, not what is told: "told TASS on
/// Sunday that the date of a Russia-NATO Council meeting was being looked at" speaks of
/// the council, though that Sunday is weeks before it.
#[test]
fn a_date_of_the_telling_rules_nothing_out() {
    let lead = "NATO has proposed a Russia-NATO Council meeting on January 12.\n\n";
    let told = "Russian Deputy Foreign Minister Alexander Grushko told TASS earlier on Sunday \
                that the date and the format of a Russia-NATO Council meeting were being \
                looked at.";
    let got = ids_of("news", "T", "2021-12-26", &format!("{lead}{told}"));
    assert_eq!(got, vec![vec![NRC], vec![NRC]]);
    // Dating what happened, the same Sunday rules the council out.
    let done = "On Sunday the date and the format of a Russia-NATO Council meeting were \
                looked at.";
    let got = ids_of("news", "T", "2021-12-26", &format!("{lead}{done}"));
    assert_eq!(got, vec![vec![NRC], vec![]]);
}

/// A report on something the timeline does not hold (a ministry's briefing two weeks
/// after the talks) names an event in passing and returns to its own subject: the
/// passages after the aside are about no event.
#[test]
fn a_report_about_no_event_returns_to_none_after_an_aside() {
    let body = "BEIJING, Jan. 26 — NATO should abandon its outdated Cold War mentality, a \
                foreign ministry spokesperson said on Wednesday.\n\n\
                The spokesperson was asked about remarks Wendy Sherman made at the \
                NATO-Russia Council in Brussels.\n\n\
                Zhao said NATO is a Cold War remnant and its expansion is bloc politics.\n\n\
                China champions common and cooperative security, he said.";
    let got = ids_of(
        "news",
        "China urges NATO to drop Cold War mentality",
        "2022-01-26",
        body,
    );
    assert_eq!(got, vec![vec![], vec![NRC], vec![], vec![]]);
}

/// A document's stock phrase beside a word for talks is what the talks are about:
/// "negotiations on security guarantees" in a report on the Geneva round are that
/// round's, not a report of the draft treaties.
#[test]
fn a_document_s_phrase_beside_talks_is_their_topic() {
    let body = "Sergei Ryabkov spoke to reporters after the talks in Geneva on Monday.\n\n\
                Ryabkov said that during negotiations with the American side on security \
                guarantees, Russia had assured its partners it had no plans to attack.";
    let got = ids_of("news", "Russia praises the talks", "2022-01-10", body);
    assert_eq!(got, vec![vec![GENEVA], vec![GENEVA]]);
    // Without a word for talks, the phrase still weighs for the drafts.
    let alone = "Ryabkov repeated that Russia wants legally binding security guarantees.";
    assert_eq!(ids_of("news", "T", "2021-12-20", alone), vec![vec![DRAFTS]]);
}

/// A daily briefing is no report of the round before it: dated the day after a round,
/// with a title and lead that name nothing, it was not about it; and a title dated the
/// day it is published ("Department Press Briefing – January 11, 2022") says when the
/// piece is, not what it is about.
#[test]
fn a_briefing_the_day_after_is_not_about_the_round() {
    let body = "MR PRICE: Good afternoon. We will go ahead and get started.\n\n\
                It is Russia that created this crisis out of whole cloth.";
    let none = vec![Vec::<&str>::new(), vec![]];
    let got = ids_of(
        "transcript",
        "Department Press Briefing",
        "2022-01-11",
        body,
    );
    assert_eq!(got, none);
    let title = "Department Press Briefing – January 11, 2022";
    assert_eq!(ids_of("transcript", title, "2022-01-11", body), none);
    // A report the day after whose title names the round is still about it, and the
    // date says so too.
    let why = why_of(
        "news",
        "After the Geneva talks",
        "2022-01-11",
        "Diplomats met again.",
        0,
    );
    assert!(
        why[GENEVA]
            .iter()
            .any(|r| r.contains("published the day after")),
        "{why:?}"
    );
}

/// Published the day after an event, a report whose title and lead name nothing is as
/// likely a reaction (a minister's interview) as an account of it: the date alone makes
/// no subject. Published that day, it still does.
#[test]
fn the_day_after_alone_makes_no_subject() {
    let body = "“Russia does not have the right to vote on Ukraine's membership in NATO,” \
                Kuleba told RBK Ukraine.\n\n\
                “The collective West will not agree to give Russia legal guarantees,” the \
                minister added.";
    let title = "Kuleba: Russia has no voting rights on Ukraine's accession to NATO";
    let none = vec![Vec::<&str>::new(), vec![]];
    assert_eq!(ids_of("news", title, "2022-01-11", body), none);
    let why = why_of("news", title, "2022-01-10", body, 0);
    assert!(why[GENEVA][0].contains("published that day"), "{why:?}");
}

/// People several events share, named right after a passage on one of them with
/// nothing else to place them, are still at that one, not at another of theirs that
/// happens to be the only one the dates leave open.
#[test]
fn shared_people_named_again_stay_at_the_event_just_told() {
    let body = "The White House confirmed that the call between Vladimir Putin and Joe Biden \
                will take place on December 7.\n\n\
                Press Secretary Jen Psaki confirmed the date for Presidents Vladimir Putin \
                and Joe Biden.";
    let got = ids_of("news", "White House confirms date", "2021-12-05", body);
    assert_eq!(got, vec![vec![VIDEO], vec![VIDEO]]);
    let why = why_of("news", "White House confirms date", "2021-12-05", body, 1);
    assert_eq!(why[VIDEO][0], "context: a participant of ¶1's event again");
}

/// In a transcript, a greeting or thanks and nothing more ("QUESTION: Good
/// afternoon.") says nothing of the talks, whatever the passages around it are about.
#[test]
fn a_greeting_in_a_transcript_is_about_nothing() {
    let body = "STOLTENBERG: We have just concluded the NATO-Russia Council in Brussels.\n\n\
                QUESTION: Thank you. Good afternoon.\n\n\
                STOLTENBERG: Allies made clear that they will not compromise.\n\n\
                QUESTION: Thank you. Will the Council meet again?";
    let got = ids_of("transcript", "Press conference", "2022-01-12", body);
    assert_eq!(got, vec![vec![NRC], vec![], vec![NRC], vec![NRC]]);
}

/// In a report, its own event's people named in a passage that hangs on one about
/// other events bring it back to its own: "In this context, Joseph Biden emphasised…"
/// in the Kremlin's readout of the call, after a paragraph on the rounds it set up.
#[test]
fn a_report_s_own_people_bring_a_linked_passage_back() {
    let body = "On December 30, Vladimir Putin had a telephone conversation with Joseph \
                Biden.\n\n\
                It was confirmed that negotiations would take place in Geneva on January 10 \
                and at the Russia-NATO Council in Brussels on January 12.\n\n\
                In this context, Joseph Biden emphasised that Washington had no intention of \
                deploying offensive weapons in Ukraine.";
    let title = "Telephone conversation with US President Joseph Biden";
    let got = ids_of("statement", title, "2021-12-30", body);
    assert_eq!(got[0], vec![PHONE]);
    assert_eq!(got[2], vec![PHONE]);
    let why = why_of("statement", title, "2021-12-30", body, 2);
    assert_eq!(
        why[PHONE][0],
        "context: after ¶2, a participant of the article's own event again"
    );
}

/// A document's author and stock phrases in a title are its topic, not a report of
/// the document: "Ryabkov saw a chance to negotiate on security guarantees" on the eve
/// of Geneva is no article about December's drafts.
#[test]
fn a_document_s_topic_in_a_title_makes_no_subject() {
    let title = "Ryabkov saw a chance to negotiate with the United States on security \
                 guarantees";
    let body = "Sergei Ryabkov said that there are always chances.\n\n\
                A Russian delegation arrived in Geneva on January 9 for talks with Wendy \
                Sherman.";
    let got = ids_of("news", title, "2022-01-09", body);
    assert!(!got[0].contains(&DRAFTS), "{got:?}");
    assert_eq!(got[1], vec![GENEVA]);
}

/// On the eve of a meeting its people arrive and its preliminaries begin: a report that
/// day may speak of it in the present, without a word of expectation.
#[test]
fn a_report_on_the_eve_may_speak_of_the_meeting() {
    let body = "A Russian delegation arrived in Geneva for talks with Wendy Sherman.";
    assert_eq!(ids_of("news", "T", "2022-01-09", body), vec![vec![GENEVA]]);
    // Two days before, it is not yet under way.
    assert_eq!(
        ids_of("news", "T", "2022-01-08", body),
        vec![Vec::<&str>::new()]
    );
}

/// Rounds named together vouch for each other, but a round named only by people it
/// shares with the other ("Wendy Sherman", who led Geneva too) is not a second round.
#[test]
fn a_round_named_only_by_shared_people_does_not_vouch() {
    let body = "US Deputy Secretary of State Wendy Sherman met NATO Secretary General Jens \
                Stoltenberg on Tuesday to discuss the upcoming NATO-Russia Council meeting.";
    assert_eq!(ids_of("news", "T", "2022-01-11", body), vec![vec![NRC]]);
}

/// "A first round of security discussions", in a passage that also names Brussels and
/// NATO on the day of the NATO–Russia Council: of the rounds it names, the one counted.
/// A round counted but named nowhere in the passage may be the series itself, the first
/// round of a longer process.
#[test]
fn the_round_counted_among_those_named() {
    let body = "Envoys from Washington and Moscow left a first round of security \
                discussions in Geneva without a deal, and NATO diplomats in Brussels \
                expect a harder week.\n\n\
                Neither delegation moved on its core demands.";
    let got = ids_of("news", "T", "2022-01-12", body);
    assert_eq!(got, vec![vec![GENEVA], vec![GENEVA]]);
    let why = why_of("news", "T", "2022-01-12", body, 0);
    assert_eq!(why[GENEVA][0], "context: a round of \"Talks week\"");
    let body = "The first round of negotiations is expected to end without any significant \
                progress.";
    let got = ids_of("analysis", "T", "2022-01-14", body);
    assert!(!got[0].contains(&GENEVA), "{got:?}");
}

/// A participant reported speaking is reporting on the event; a name inside the
/// quotation is what the speaker spoke of, not who spoke.
#[test]
fn a_name_inside_the_quotation_is_no_speaker() {
    let body = "“Nobody talked about consultations with the OSCE back then,” Lavrov said.";
    let why = why_of("news", "T", "2022-01-14", body, 0);
    let osce = why.get(OSCE).cloned().unwrap_or_default();
    assert!(!osce.iter().any(|r| r.starts_with("speaker:")), "{why:?}");
    let body = "“We need answers in writing,” Lukashevich said at the OSCE.";
    let why = why_of("news", "T", "2022-01-13", body, 0);
    assert!(
        why[OSCE].contains(&"speaker: Lukashevich".to_string()),
        "{why:?}"
    );
}

/// "Russian Deputy Foreign Minister Sergei Ryabkov" is Ryabkov: the role speaks for the
/// events of the name that follows it, not for every event with a deputy foreign
/// minister (Grushko's NATO–Russia Council). A person the timeline does not know holds
/// none of its roles.
#[test]
fn a_role_belongs_to_the_name_after_it() {
    let body = "Talks on security guarantees were attended by Russian Deputy Foreign \
                Minister Sergei Ryabkov and US Deputy Secretary of State Wendy Sherman.";
    let why = why_of("news", "T", "2022-01-13", body, 0);
    assert!(!why.contains_key(NRC), "{why:?}");
    assert!(why.contains_key(GENEVA), "{why:?}");
    let body = "The meeting was attended by Russian Deputy Foreign Minister Andrei Rudenko.";
    let why = why_of("news", "T", "2022-01-14", body, 0);
    assert!(
        why.values().flatten().all(|r| !r.starts_with("role:")),
        "{why:?}"
    );
}

/// "Talks between Russia and the West this week…": the talks a week mention dates are
/// the week's, though a few words stand between them.
#[test]
fn talks_dated_by_the_week_a_few_words_apart() {
    let body = "Talks between Moscow and Western capitals this week to defuse the crisis \
                brought no breakthrough.";
    assert_eq!(ids_of("news", "T", "2022-01-14", body), vec![vec![WEEK]]);
}

/// The timeline knows the OSCE's name in British spelling too.
#[test]
fn the_osce_in_british_spelling() {
    let body = "The Organisation for Security and Co-operation in Europe met on Thursday.";
    let why = why_of("news", "T", "2022-01-13", body, 0);
    assert!(
        why[OSCE].contains(
            &"name: \"Organisation for Security and Co-operation in Europe\"".to_string()
        ),
        "{why:?}"
    );
}

/// "Called for" is a demand, not a call; "by the end of 2021" is a time, not a verdict
/// on the talks of the passage before.
#[test]
fn a_word_s_sense_settled_by_the_next() {
    let body = "In December, Vladimir Putin called for guarantees for Russia.";
    let got = ids_of("analysis", "T", "2022-01-14", body);
    assert!(
        !got[0].contains(&PHONE) && !got[0].contains(&VIDEO),
        "{got:?}"
    );
    let body = "Over the week, the NATO-Russia Council met in Brussels and the OSCE met in \
                Vienna.\n\n\
                By the end of 2021, Russia had massed some 100,000 troops near Ukraine.";
    let got = ids_of("analysis", "T", "2022-01-14", body);
    assert_eq!(got[1], Vec::<&str>::new());
}

/// An event whose every reason is another's, which has more, is not told apart from
/// it: "a 50-minute call this month" between Biden and Putin is the phone call, not
/// also the video call of the same month and people.
#[test]
fn an_event_outdone_on_its_own_reasons_is_dropped() {
    let body = "In a 50-minute conversation this month, Biden told Putin that sanctions \
                would follow an invasion.";
    assert_eq!(ids_of("news", "T", "2021-12-31", body), vec![vec![PHONE]]);
}

/// "The January talks" name the only talks of that month; but in "Sherman, who led
/// talks in Geneva this week, told reporters" the verb of speech beside the week is
/// the telling, not the statement of the week's last day.
#[test]
fn a_verb_of_speech_beside_a_time_names_no_event() {
    let body = "Wendy Sherman, who led the talks in Geneva this week, told reporters on \
                Thursday it was too soon to judge.";
    let got = ids_of("news", "T", "2022-01-13", body);
    assert!(!got[0].contains(&AFTER), "{got:?}");
    assert!(got[0].contains(&GENEVA), "{got:?}");
}

/// An interview is someone's views, most often given after the event: it argues, as an
/// analysis does, and its date alone does not make the day's round its subject.
#[test]
fn an_interview_argues_as_an_analysis_does() {
    let body = "We need dialogue, not ultimatums, and we will keep saying so.";
    // A report of that day is taken to be about the day's events…
    assert!(!ids_of("news", "T", "2022-01-13", body)[0].is_empty());
    // …an interview is not.
    let interview = ids_of("interview", "T", "2022-01-13", body);
    assert_eq!(interview, vec![Vec::<&str>::new()]);
    assert_eq!(interview, ids_of("analysis", "T", "2022-01-13", body));
}

/// "The talks will be held in Geneva": the talks awaited are placed by the place their
/// clause reaches; a place in another sentence does not place them.
#[test]
fn talks_placed_in_their_own_sentence_are_that_round() {
    let placed = "Officials said on Tuesday that the sides had agreed to meet.\n\n\
                  The talks will be held in Geneva, per the newspaper, and will be led by \
                  Wendy Sherman and Sergei Ryabkov.";
    let got = ids_of("news", "Talks scheduled", "2021-12-28", placed);
    assert_eq!(got[1], vec![GENEVA]);
    let apart = "Officials said on Tuesday that the sides had agreed to meet.\n\n\
                 The talks will be difficult, per the newspaper. Wendy Sherman and Sergei \
                 Ryabkov know Geneva.";
    let got = ids_of("news", "Talks scheduled", "2021-12-28", apart);
    assert_eq!(got[1], vec![WEEK]);
}

/// An undated news headline tells what happened as the report was published: "NATO
/// chief Stoltenberg offers Russia talks" a week after the NATO–Russia Council is a
/// later offer, and the chief's words under it are not the council's. The same report
/// published the day after the council is about it.
#[test]
fn a_news_headline_tells_the_days_it_is_published() {
    let body = "The alliance's chief said on Tuesday that he had invited Russia to talks.\n\n\
                Stoltenberg stressed that the alliance was ready to listen.\n\n\
                \u{201c}Dialogue is even more important,\u{201d} he said.";
    let title = "NATO chief Stoltenberg offers Russia talks";
    let late = ids_of("news", title, "2022-01-19", body);
    assert!(late.iter().all(|events| !events.contains(&NRC)), "{late:?}");
    let next_day = ids_of("news", title, "2022-01-13", body);
    assert!(
        next_day[1..].iter().all(|events| events.contains(&NRC)),
        "{next_day:?}"
    );
    // Two days after, a headline naming the round still reports it.
    let body = "Diplomats described the negotiations as useful and professional.";
    let got = ids_of(
        "news",
        "Geneva talks end without breakthrough",
        "2022-01-12",
        body,
    );
    assert_eq!(got, vec![vec![GENEVA]]);
}

/// "Negotiating", "negotiated": the verb's forms are words for talks as its noun is.
#[test]
fn a_verb_of_negotiating_is_a_word_for_talks() {
    let body = "American and Russian diplomats are negotiating in Geneva and Brussels over \
                the conflict in Ukraine. Still, it will be difficult.";
    let got = ids_of("opinion", "A threat of escalation", "2022-01-10", body);
    assert_eq!(got, vec![vec![GENEVA, NRC]]);
    let body = body.replace("are negotiating", "negotiated");
    let got = ids_of("opinion", "A threat of escalation", "2022-01-13", &body);
    assert_eq!(got, vec![vec![GENEVA, NRC]]);
}

/// A word for what happened names a place's event from further back in its clause
/// ("talks between Russia and the United States in Geneva"), but not across a comma.
/// The day is a reporter's slip (Geneva was on Monday): near enough not to rule the
/// round out, too weak to name it alone.
#[test]
fn a_word_for_talks_reaches_its_place_through_the_clause() {
    let joined = "Talks between Russia and the United States in Geneva on Tuesday, as well as \
                  between Russia and NATO in Brussels on Wednesday, failed to produce an \
                  agreement.";
    let got = ids_of("news", "No agreement", "2022-01-13", joined);
    assert_eq!(got, vec![vec![GENEVA, NRC]]);
    let apart = "Talks between Russia and the United States, in Geneva on Tuesday, as well as \
                 between Russia and NATO in Brussels on Wednesday, failed to produce an \
                 agreement.";
    let got = ids_of("news", "No agreement", "2022-01-13", apart);
    assert_eq!(got, vec![vec![NRC]]);
    // An initial's full stop and a curly apostrophe are inside the clause.
    for joined in [
        "Talks with the U.S. in Geneva on Tuesday, as well as between Russia and NATO in \
         Brussels on Wednesday, failed to produce an agreement.",
        "Talks on Moscow’s demands in Geneva on Tuesday, as well as between Russia and \
         NATO in Brussels on Wednesday, failed to produce an agreement.",
    ] {
        let got = ids_of("news", "No agreement", "2022-01-13", joined);
        assert_eq!(got, vec![vec![GENEVA, NRC]], "{joined}");
    }
}

/// "Putin and Biden have met in a video call": the word for what happened is what the
/// format names, so it does not set the June summit of the same two apart.
#[test]
fn a_word_for_what_happened_beside_a_format_is_the_formats() {
    let body = "Russian President Vladimir Putin and US President Joe Biden have met in a \
                video call to discuss Ukraine.";
    let got = ids_of("news", "Presidents talk", "2021-12-08", body);
    assert_eq!(got, vec![vec![VIDEO]]);
    // A word for the summit further off still sets it apart.
    let body = "Putin and Biden, who held a summit together, have now met in a video \
                call.";
    let got = ids_of("news", "Presidents talk", "2021-12-08", body);
    assert_eq!(got, vec![vec![SUMMIT, VIDEO]]);
}

/// "US-Russia talks" is what the bilateral round was called: a stock phrase of its
/// coverage, enough in a headline of its days.
#[test]
fn the_bilateral_round_is_the_us_russia_talks() {
    let got = ids_of(
        "news",
        "Useful US-Russia talks fail to make progress",
        "2022-01-11",
        "Diplomats described the negotiations as useful and professional.",
    );
    assert_eq!(got, vec![vec![GENEVA]]);
    // A stock phrase, not a format: a later US-Russia meeting is not the round.
    let later = "Blinken and Lavrov held US-Russia talks that both called frank.";
    let got = ids_of("news", "Ministers meet", "2022-01-22", later);
    assert_eq!(got, vec![Vec::<&str>::new()]);
}

/// "New meetings of the NATO-Russia Council" are another meeting of the format, not
/// the council of the timeline; but the word for again must modify the format.
#[test]
fn a_format_named_as_to_come_again_is_another_meeting() {
    let again = "The allies proposed new meetings of the NATO-Russia Council.";
    let got = ids_of("analysis", "What comes next", "2022-01-19", again);
    assert_eq!(got, vec![Vec::<&str>::new()]);
    // Also when an earlier passage tied the format to the round.
    let tied = format!("The NATO-Russia Council met in Brussels on 12 January.\n\n{again}");
    let got = ids_of("analysis", "What comes next", "2022-01-19", &tied);
    assert_eq!(got, vec![vec![NRC], vec![]]);
    // "New proposals at the NATO-Russia Council", "more from the NATO-Russia Council"
    // are the council.
    for text in [
        "Russia tabled new proposals at the NATO-Russia Council on Wednesday.",
        "Moscow wanted more from the NATO-Russia Council than it got on Wednesday.",
    ] {
        let got = ids_of("news", "Council ends", "2022-01-13", text);
        assert_eq!(got, vec![vec![NRC]], "{text}");
    }
}

/// A transcript titled with the people of another event, and none of the event of its
/// day, is of another occasion that day: a NATO press point with Ukraine's minister on
/// the day of the Geneva round is not an account of the round. Titled with nobody, or
/// with the round's own people, the day it was spoken says what it is about.
#[test]
fn a_transcript_of_another_occasion_on_the_day_of_a_round_is_not_the_round() {
    let body = "Welcome back to NATO Headquarters.\n\n\
                We just addressed the evolving situation in and around Ukraine.";
    let got = |title: &str| {
        ids_in(
            &[article_of("transcript", title, "2022-01-10", body)],
            Mode::Auto,
        )
    };
    let other = "Joint press point by NATO Secretary General Jens Stoltenberg with the Deputy Prime Minister of Ukraine";
    assert_eq!(got(other), vec![vec![Vec::<&str>::new(), vec![]]]);
    assert_eq!(
        got("Press briefing"),
        vec![vec![vec![GENEVA], vec![GENEVA]]]
    );
    assert_eq!(
        got("Press briefing by Deputy Secretary Sherman"),
        vec![vec![vec![GENEVA], vec![GENEVA]]]
    );
}
