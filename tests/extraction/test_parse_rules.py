"""The parse-based rules on sentences written for the test: speakers of every shape, and events."""

from .helpers import read
from .needs_model import requires_model

pytestmark = requires_model


def speakers(text: str) -> list[str]:
    return [s.speaker.name for s in read(text).statements]


def test_an_apposition_names_the_speaker_and_the_role_stands_for_her_later():
    text = (
        "Her lawyer, Maria Santos, said the contract had been void from the start. "
        "The attorney said the company would appeal the ruling."
    )
    assert speakers(text) == ["Maria Santos", "Maria Santos"]


def test_an_office_speaks_for_itself_and_a_named_group_is_a_speaker():
    assert speakers("Mr Okafor's office said he had signed the order.") == ["Okafor's office"]
    assert speakers("NHS officials said the ward would reopen next month.") == ["NHS officials"]


def test_a_bare_plural_of_officials_names_no_one():
    assert speakers("Officials said the ward would reopen next month.") == []


def test_an_organisation_is_named_by_its_whole_entity_span():
    text = "The delays are getting worse, according to the Office for Budget Responsibility."
    assert speakers(text) == ["Office for Budget Responsibility"]


def test_he_after_a_quote_is_the_person_named_last_outside_the_quotes():
    text = 'Climber Ana Ruiz reached the summit. "Tenzing would have loved this," she said.'
    (s,) = read(text).statements
    assert (s.speaker.name, s.mode, s.text) == ("Ana Ruiz", "direct", "Tenzing would have loved this")


def test_a_negated_or_modal_clause_is_no_happening_and_a_planned_one_is_expected():
    text = (
        "The mayor did not sign the budget on Tuesday. The council could vote on Friday. "
        "The mayor will visit Leeds on Friday."
    )
    citations = read(text).citations
    assert [(c.trigger.text, c.factuality, c.rule) for c in citations] == [("visit", "expected", "expected_event")]
    assert citations[0].title == "Mayor visits Leeds"


def test_the_lead_without_a_date_is_dated_on_or_before_publication():
    text = (
        "The prime minister has apologised to the fishermen for the 2019 blockade.\n"
        "The apology came after weeks of talks.\nThe fishermen welcomed it."
    )
    lead = read(text).citations[0]
    assert (lead.rule, lead.timex, lead.trigger.text) == ("lead_event", None, "apologised")
    assert "on or before 2024-03-06" in lead.date_note
    assert lead.title.startswith("Prime minister apologises to fishermen")


def test_a_date_that_belongs_to_a_noun_dates_that_noun_not_the_sentence():
    text = "Ships were stopped in the 2019 blockade, the report found."
    (c,) = read(text).citations
    # What was done in, at or during the dated happening took place then, and says who did what.
    assert (c.trigger.text, c.timex.value, c.title) == ("stopped", "2019", "Ships are stopped in blockade")
    # Not so a date on what a happening is about: the apology was not made in 2010.
    (raid,) = read("Israel apologised on Tuesday for the 2010 raid.").citations
    assert (raid.trigger.text, raid.timex.value) == ("apologised", "2024-03-05")


def test_a_figure_for_a_quarter_is_no_happening_but_a_days_move_is():
    text = (
        "The company opened a plant in Lyon on Monday. Net income rose to $87 million in the third quarter. "
        "Its shares rose 5% on Tuesday."
    )
    assert [c.trigger.text for c in read(text).citations] == ["opened", "rose"]
    assert read(text).citations[1].timex.text == "Tuesday"


def test_he_after_a_quote_is_the_last_speaker_not_the_last_person_mentioned():
    text = (
        "The historian Tom Hale said the diaries of the climber Ana Ruiz were found in a hut. "
        '"She never once wrote about fear," he said.'
    )
    assert speakers(text) == ["Tom Hale", "Tom Hale"]


def test_the_company_is_the_institution_that_spoke_last_but_the_embassy_is_not_any_institution():
    text = (
        "Dorland Foods Inc. said it would close two plants. Analysts at Brook & Hale expect more cuts. "
        "The company said the plants had lost money for years. The embassy said visas would be delayed."
    )
    assert speakers(text) == ["Dorland Foods Inc", "Dorland Foods Inc", "embassy"]


def test_a_speech_event_is_titled_with_what_was_said_and_a_subjects_conjuncts_stay():
    text = "Norway and Sweden told their citizens on Tuesday that ferries would stop."
    (c,) = read(text).citations
    assert c.title == "Norway and Sweden tell their citizens ferries would stop"


def test_a_date_in_a_future_clause_points_forward_and_the_event_is_expected():
    text = "The company set up the China programme to run through June."
    (c,) = read(text).citations  # published Wednesday 6 March 2024
    assert (c.timex.value, c.factuality, c.rule) == ("2024-06", "expected", "expected_event")
    assert c.title == "China programme runs"
    assert read("No one knows what technology will be available in five years.").citations == ()


def test_a_date_on_the_subject_of_a_state_is_no_event_and_on_a_happening_it_is():
    # "Last quarter's results" dates the results; the sentence reports no happening of last quarter.
    assert read("Last quarter's results included a pretax gain of $13.7 million.").citations == ()
    # "Monday's attack": the attack is the happening the date belongs to.
    (attack,) = read("Nine people died in Monday's attack on the market.").citations
    assert (attack.trigger.text, attack.timex.value, attack.title) == (
        "died",
        "2024-03-04",
        "Nine people die in attack on market",
    )


def test_the_date_is_never_its_own_event_and_a_negated_clause_is_no_happening():
    # "Tuesday evening" is the date, not an event noun; what it dates was not done.
    assert read("As of Tuesday evening, the union still had not signed the deal.").citations == ()
    (c,) = read("The mayor spoke on Tuesday evening at the town hall.").citations
    assert (c.trigger.text, c.title) == ("spoke", "Mayor speaks at town hall")


def test_a_clause_describing_a_thing_dates_the_thing_unless_the_thing_then_acts():
    assert read("Most of the cars sold were models introduced in January.").citations == ()
    (c,) = read("The warrant issued on Monday charged the driver with fraud.").citations
    assert (c.trigger.text, c.title, c.timex.value) == ("issued", "Warrant is issued", "2024-03-04")


def test_a_view_of_the_future_without_a_date_is_a_statement_but_a_dated_plan_or_a_warning_is_news():
    text = '"Prices will keep rising," the minister said on Tuesday.'
    assert read(text).citations == ()
    assert [s.speaker.name for s in read(text).statements] == ["minister"]
    (plan,) = read("The minister said on Tuesday the bridge will reopen in May.").citations
    assert plan.title == "Minister says bridge will reopen"
    (warning,) = read("The ministry warned on Tuesday that prices will rise.").citations
    assert warning.title == "Ministry warns prices will rise"


def test_a_past_tense_with_a_date_ahead_dates_something_else():
    assert read("Officials were preparing for talks next week.").citations == ()
    (c,) = read("Officials will hold talks next week.").citations
    assert c.factuality == "expected"


def test_titles_name_who_did_it_when_the_clause_has_no_subject_of_its_own():
    (sold,) = read("Halvard Shipping said on Monday it sold two tankers.").citations
    assert sold.title == "Halvard Shipping sells two tankers"
    (rescued,) = read("Rescued on Monday by a trawler, the crew was brought to Bergen.").citations
    assert rescued.title == "Crew is rescued by trawler"
    # A result for a quarter is the reporting's: the verb is the event, the noun its object.
    (loss,) = read("Norden Bank reported a third-quarter loss of $12 million.").citations
    assert (loss.trigger.text, loss.title) == ("reported", "Norden Bank reports loss of $12 million")


def test_a_lead_dated_through_its_object_in_the_days_before_publication_takes_that_date():
    text = (
        "About 300 people attended a Monday night vigil for the victims. The vigil was held in the square. "
        "Police said the road was closed. Officers patrolled all night."
    )
    lead = read(text).citations[0]
    assert (lead.trigger.text, lead.timex.value, lead.title) == (
        "attended",
        "2024-03-04TNI",
        "About 300 people attend vigil for victims",
    )
    # An older date stays the object's: the 2010 raid is not when the apology was made.
    old = read("Israel apologised to Turkey for the 2010 raid. Talks went on. Both sides said so. It ended.")
    assert old.citations[0].rule == "lead_event"


def test_a_date_ahead_on_a_verb_of_planning_is_an_expected_event():
    (c,) = read("The concert is slated for a release on June 24.").citations
    assert (c.factuality, c.rule, c.timex.value) == ("expected", "expected_event", "2024-06-24")


def test_titles_keep_hyphenated_words_whole_and_a_participle_clause_takes_the_main_subject():
    assert read("Pre-orders of the phone began on Tuesday.").citations[0].title == "Pre-orders begin"
    assert read("The co-founder of the firm, Ana Ruiz, died on Monday.").citations[0].title == "Co-founder dies"
    (toured,) = read("After touring the plant on Monday, the minister flew home.").citations
    assert toured.title == "Minister tours plant"


def test_a_stretch_of_time_and_old_background_in_passing_are_no_events():
    # "since its launch in 2003" starts a stretch over which a count is reported.
    assert read("More than 4 billion songs have been downloaded since its launch in 2003.").citations == ()
    # A noun dated long ago that qualifies another noun, with nothing a title could name.
    assert read("The court said the contract was a breach of the 1991 settlement.").citations == ()
    # "ahead of" compares; a state is no happening whatever it is placed against.
    assert read("The union's results were way ahead of expectations.").citations == ()


def test_a_wire_dateline_is_no_photo_credit_and_the_lead_behind_it_is_read():
    text = (
        "THE HAGUE, Netherlands (AP)_ The World Court on Monday rejected the objections to the case. "
        "Lawyers for both sides were in court. The judges gave no reason on Monday for the delay. "
        "The ruling can be appealed."
    )
    lead, *rest = read(text).citations
    assert (lead.title, lead.timex.value) == ("World Court rejects objections to case", "2024-03-04")
    # "gave no reason" is no giving.
    assert rest == []


def test_states_and_figures_for_a_period_are_no_happenings_whatever_their_tense():
    assert read("The unit accounted for 58% of sales last year.").citations == ()
    assert read("The company made $7.1 billion in 2023.").citations == ()
    assert read("The store currently sells music tracks, and more recently has begun to sell films.").citations == ()
    # A present placed by "currently" in the passive is news: someone holds him now.
    (held,) = read("The activist is currently held in a prison near Moscow.").citations
    assert held.title == "Activist is held in prison near Moscow"


def test_a_bound_or_a_compared_period_dates_no_happening():
    text = (
        "Dow Jones said it extended its offer until 5 p.m. on March 29. The offer was worth $576 million. "
        "Shares rose. It ended."
    )
    (lead,) = read(text).citations
    assert (lead.rule, lead.timex) == ("lead_event", None)  # on or before publication, not on the 29th
    assert read("The year-ago results have been restated.").citations == ()
    assert read("The offer had been set to expire on March 20.").citations == ()


def test_where_people_were_is_a_state_but_when_a_meeting_was_is_news():
    assert read("During the broadcast on Sunday, family members were outside the home.").citations == ()
    (meeting,) = read("The meeting was on Tuesday in Geneva.").citations
    assert meeting.timex.value == "2024-03-05"


def test_titles_name_the_whole_entity_and_never_a_relative_pronoun():
    (c,) = read("First of America Bank Corp. said on Monday it completed its acquisition of Midwest Inc.").citations
    assert c.title.startswith("First of America Bank Corp. completes its acquisition")
    (sales,) = read("Coleco bounced back with the dolls, whose sales hit $600 million in 1985.").citations
    assert sales.title == "Sales hit $600 million"
    (said,) = read("Merieux officials said on Monday that they are highly confident.").citations
    assert said.title == "Merieux officials say they are highly confident"


def test_a_noun_dated_in_passing_yields_to_the_verb_that_acts_in_or_after_it_or_is_no_event():
    (left,) = read("Tens of thousands have left the country following last week's speech.").citations
    assert (left.trigger.text, left.title) == ("left", "Tens of thousands leave country following speech")
    # Old background, and a bare noun no title names anyone in, are no events.
    assert read("The operator cited costs from its 1988 recapitalization.").citations == ()
    assert read("Their share of 7% before Monday's purchases is far below the leaders' shares.").citations == ()


def test_forecasts_and_figures_moving_over_a_period_are_no_events_and_datelines_stay_out_of_titles():
    assert read("Some had predicted earnings of more than $4 a share for this year.").citations == ()
    assert read("Unisys, whose revenue inched up 3.7% in the quarter to $2.35 billion, lost money.").citations == ()
    text = "CANBERRA, Australia (AP)_ Qantas will almost double its flights to India by August. It said so. It ended."
    lead = read(text).citations[0]
    assert (lead.title, lead.factuality) == ("Qantas doubles its flights to India", "expected")


def test_a_duration_reaching_back_dates_the_main_clause_only():
    assert read("Most of the jobs he has held over the past 20 years were in the movement.").citations == ()
    (c,) = read("Long-term interest rates have fallen in the last few months.").citations
    assert (c.rule, c.title) == ("backward_duration", "Long-term interest rates fall")


def test_a_dated_lead_that_reports_a_plan_is_the_announcing_and_unknown_past_forms_stay_past():
    text = (
        "CMS Energy Corp. said management would recommend to its board today that the dividend be reinstated. "
        "It did. Shares rose. It ended."
    )
    lead = read(text).citations[0]
    assert (lead.trigger.text, lead.timex.value) == ("said", "2024-03-06")
    assert lead.title.startswith("CMS Energy Corp. says management would recommend")
    (c,) = read("Meantime, the possibility of a meeting reemerged on Tuesday.").citations
    assert c.title == "Possibility of meeting reemerged"


def test_what_is_mentioned_inside_another_phrase_or_after_a_period_is_not_dated_by_it():
    text = "Cuba kept up its condemnation of the handling of Wednesday's meeting between the boy and his family."
    assert read(text).citations == ()
    assert read("After a flat second quarter, the company attributed the gain to paper.").citations == ()
    (c,) = read("After Monday's meeting, the minister resigned.").citations
    assert (c.title, c.timex.value) == ("Minister resigns after meeting", "2024-03-04")
    assert read("Operating revenue surged 54% in the latest quarter to $42.9 million.").citations == ()
    (said,) = read("Officials said on Monday that six people were in custody.").citations
    assert said.title == "Officials say six people were in custody"


def test_a_relative_pronoun_is_never_a_titles_object():
    (c,) = read("A dispute concerns a treaty, which the two presidents signed last May.").citations
    assert (c.title, c.timex.value) == ("Two presidents sign treaty", "2023-05")


def test_a_clock_time_with_no_day_does_not_date_a_happening_on_the_publication_day():
    assert read("Slepian was shot to death at 10 p.m. as he stood in his kitchen.").citations == ()
    (c,) = read("The blast went off at 6:30 a.m. Tuesday near the station.").citations
    assert c.timex.value == "2024-03-05T06:30"


def test_a_quoted_statement_is_titled_with_its_first_words_in_quotation_marks():
    text = '"We have reached the point where we know what we want," Clark said on Monday in an interview.'
    (c,) = read(text).citations
    assert c.title == "Clark says “We have reached the point where we know…” in interview"


def triggers(text: str) -> list[str]:
    return [c.trigger.text for c in read(text).citations]


LEAD = "Analysts had expected a small profit. "


def test_a_date_on_a_cause_or_on_the_end_of_a_term_does_not_date_the_verb():
    assert triggers(LEAD + "The dairy cut its dividend due to its second-quarter loss.") == []
    assert triggers("A bank group has extended the dairy $40 million in loans through March.") == []
    assert triggers(LEAD + "The dairy cut its dividend because of a weak April.") == []
    (c,) = read("The dairy cut its dividend on Tuesday.").citations
    assert c.timex.text == "Tuesday"


def test_a_state_or_a_share_price_is_no_happening_but_a_price_move_or_a_dated_happening_noun_is():
    assert triggers(LEAD + "The dairy's stock was down 25 cents yesterday.") == []
    text = LEAD + "The dairy closed unchanged at $12.50 a share on Friday in composite trading."
    assert triggers(text) == []
    assert triggers(LEAD + "Dairy shares fell 50 cents on Friday in composite trading.") == ["fell"]
    (vote,) = read("Analysts had expected a small profit. The vote on the merger was on Friday.").citations
    assert vote.timex.text == "Friday"


def test_a_stretch_longer_than_a_year_dates_a_career_not_news():
    assert triggers("The dairy is for sale. Over the past 20 years, Ana Ruiz has built the dairy into a giant.") == []
    (sold,) = read("The dairy is for sale. Within the past week, 300 farmers have sold their herds.").citations
    assert (sold.trigger.text, sold.timex.text) == ("sold", "Within the past week")


def test_a_lead_dated_only_in_an_aside_is_read_from_what_was_said():
    text = (
        "Halvard Shipping, rumored a takeover target for two years, said that a Danish rival has bought "
        "a 20% stake in it. Halvard responded by adopting a poison pill. The board met on Friday."
    )
    lead = read(text).citations[0]
    assert (lead.title, lead.rule, lead.timex) == ("Danish rival buys 20 % stake in it", "lead_event", None)


def test_a_call_for_someone_to_act_keeps_who_and_what_in_the_title():
    (c,) = read("On Monday, the mayor called for the council to close the bridge.").citations
    assert c.title == "Mayor calls for council to close bridge"


def test_a_verb_of_finding_out_is_titled_with_what_was_found():
    (c,) = read("The ministry disclosed on Monday that the dairy had sold its factory.").citations
    assert c.title == "Ministry discloses dairy had sold its factory"
    text = "The regulator is reviewing whether the dairy's prices break the rules. It said so. The board met on Friday."
    assert read(text).citations[0].title == "Regulator reviews whether dairy's prices break rules"


def test_a_result_for_a_period_is_no_happening_but_reporting_a_result_is():
    assert triggers(LEAD + "For the nine months, the dairy earned $2 million, up 18% from a year earlier.") == []
    assert triggers(LEAD + "Two of its divisions posted lower earnings for the quarter on Tuesday.") == []
    (c,) = read(LEAD + "The dairy reported a third-quarter loss of $4 million on Tuesday.").citations
    assert c.trigger.text == "reported"


def test_said_when_asked_is_dated_as_the_saying():
    (c,) = read("“The matter is closed,” the mayor said when asked on Thursday about the bridge.").citations
    assert (c.trigger.text, c.timex.text) == ("said", "Thursday")


def test_a_documents_date_dates_what_it_says_and_a_dated_document_alone_is_no_happening():
    (c,) = read("A notice on the council's website, dated Tuesday, warned that the bridge may be closed.").citations
    assert (c.trigger.text, c.timex.text) == ("warned", "Tuesday")
    assert triggers(LEAD + "The mayor read a letter from the union, dated March 1.") == []


def test_a_duration_in_a_clause_below_the_verb_does_not_date_it():
    text = LEAD + "Asked whether the mayor was to blame, though he has been away for the past week, she frowned."
    assert triggers(text) == []


def test_a_features_opening_state_is_no_lead_event():
    text = "It is turning out to be another bad week for farmers. Prices fell. The dairy closed on Monday."
    assert triggers(text) == ["closed"]


def test_titles_of_what_was_said_keep_hyphenated_verbs_helpers_and_objects():
    text = "The ministry said on Monday it would re-open the bridge."
    assert "re-open" in read(text).citations[0].title.split()
    (c,) = read("The mayor said he would close the bridge, the council said on Monday.").citations
    assert c.title == "Council says mayor said he would close bridge"


def test_a_noun_with_only_a_pronoun_before_it_makes_no_title():
    assert triggers(LEAD + "Before his Sunday night speech, the mayor visited the school.") == []


def test_what_broke_into_a_progressive_is_the_happening_and_takes_its_date():
    text = "The baker was closing his shop on Friday when a car crashed through the window. He is fine. Police came."
    lead = read(text).citations[0]
    assert (lead.trigger.text, lead.timex.text) == ("crashed", "Friday")


def test_a_dated_noun_that_names_no_happening_is_no_event():
    assert triggers(LEAD + "Friday's focus on top-tier stocks left smaller issues behind.") == []
    (raid,) = read(LEAD + "Friday's raid on the depot left two guards injured.").citations
    assert raid.trigger.text in {"raid", "left"}


def test_its_in_what_a_company_says_is_the_company():
    text = "Halvard Shipping said its net loss narrowed on higher freight rates. Rates rose. Ships sailed."
    assert read(text).citations[0].title.startswith("Halvard Shipping's net loss narrows")


def test_an_accounts_figure_moving_or_forecast_is_no_happening():
    assert triggers(LEAD + "Revenue declined to $85.7 million from $93.3 million, the company said.") == []
    assert triggers("The dairy expects operating margins of more than 10% next year. Milk is cheap. Cows eat.") == []
    assert triggers(LEAD + "Capital spending in 2025 will rise slightly, the dairy said.") == []
    (c,) = read(LEAD + "The dairy will open a plant in Leeds next year.").citations
    assert c.factuality == "expected"


def test_recent_years_is_a_stretch_not_a_recent_happening():
    assert triggers(LEAD + "In recent years the yen has soared against the dollar.") == []


def test_two_verbs_sharing_an_object_are_titled_together():
    text = "The police have questioned and released two men who were sought in the case. They were named. It rained."
    assert read(text).citations[0].title == "Police question and release two men"


def test_a_clause_at_the_same_moment_dates_the_main_happening():
    text = LEAD + "The baker was robbed shortly after he closed his shop on Friday night."
    (c,) = read(text).citations
    assert (c.trigger.text, c.title) == ("robbed", "Baker is robbed")


def test_he_in_a_clause_is_the_named_subject_of_the_sentence():
    text = (
        "The spokesman, Paul Ortiz, said the case was open. Ana Ruiz was stopped at the border "
        "after she arrived from Leeds on Friday. It rained."
    )
    titles = [c.title for c in read(text).citations]
    assert any(t.startswith("Ana Ruiz") for t in titles) and not any("Ortiz arrive" in t for t in titles)


def test_a_lead_reporting_a_figure_is_the_reporting_and_later_reports_of_figures_are_none():
    text = "The dairy said that net income for the six months slipped 5% to $9 million. Milk is cheap. Cows eat."
    (lead,) = read(text).citations
    assert (lead.trigger.text, lead.title) == ("said", "Dairy says income slipped")
    assert triggers(LEAD + "The dairy said net jumped to $87 million on higher milk prices.") == []
    assert triggers(LEAD + "He thinks several dairies will report losses through the third quarter of 2025.") == []


def test_a_negated_object_is_not_shared_between_two_verbs():
    text = "The dairy has held talks with buyers but has reached no agreement. Milk is cheap. Cows eat."
    assert read(text).citations[0].title == "Dairy holds talks with buyers"


def test_never_before_is_no_happening_and_a_distant_verb_shares_no_object():
    assert triggers(LEAD + "But never before has the dairy sold milk abroad.") == []
    text = "The minister flew Tuesday to Leeds, visiting farms hit by floods that mostly ruined small farms."
    assert read(text).citations[0].title == "Minister flies to Leeds"


def test_a_subject_the_parse_left_loose_or_hung_high_still_names_who_did_it():
    text = LEAD + "On May 4, 2020, on behalf of the council, the mayor's deputy, Ana Ruiz, signed the bridge contract."
    assert " signs bridge contract" in read(text).citations[0].title
    text = LEAD + "As the craze died, the dairy failed to come up with a new cheese and filed for bankruptcy in July."
    assert read(text).citations[0].title.startswith("Dairy files for bankruptcy")


def test_a_percentage_keeps_its_number_and_after_doing_is_done_by_the_subject():
    (c,) = read(LEAD + "By 2030 the dairy intends to reach a 40% share of the market.").citations
    assert "40 % share" in c.title
    (c,) = read(LEAD + "The council kept one seat on the board after selling its stake in the dairy in 2019.").citations
    assert c.title.startswith("Council ")


def test_a_periods_result_dates_its_reporting_only():
    assert triggers(LEAD + "Most of the dairy's fall is attributed to a third-quarter earnings report.") == []
    (c,) = read(LEAD + "The dairy reported a third-quarter loss of $4 million.").citations
    assert c.trigger.text == "reported"
    text = "The dairy said it will shut a plant in a move expected to result in a fourth-quarter charge. Milk is cheap."
    text += " Cows eat."
    lead = read(text).citations[0]
    assert (lead.rule, lead.timex) == ("lead_event", None)


def test_a_habit_in_the_present_perfect_is_no_news():
    assert triggers(LEAD + "The Dairy Council has long monitored such farms as Hill Top.") == []
    assert triggers(LEAD + "The Dairy Council has closed two farms.") == ["closed"]


def test_phrasal_verbs_numbers_and_a_quoted_lead_in_titles():
    assert read("A storm blew apart two barns on Monday.").citations[0].title == "Storm blows apart two barns"
    text = "The dairy said it bought 93% of a cheese maker. Milk is cheap. Cows eat."
    assert read(text).citations[0].title.startswith("Dairy buys 93 %")
    text = "“So far, the harvest is going well,” said the farm minister, Ana Ruiz. Milk is cheap. Cows eat."
    lead = read(text).citations[0]
    assert (lead.trigger.text, lead.title.split(" says ")[0]) == ("said", "Farm minister")


def test_a_quarters_figure_in_a_lead_is_the_reporting_and_later_an_accounts_move_is_none():
    text = "The dairy said net income for the third quarter fell 6% to $20 million. Milk is cheap. Cows eat."
    lead = read(text).citations[0]
    assert (lead.trigger.text, lead.rule, lead.timex) == ("said", "lead_event", None)
    assert triggers(LEAD + "Sales increased in the quarter ended Sept. 30 to $74 million from $62 million.") == []


def test_a_stretch_of_time_a_noun_belongs_to_dates_the_noun():
    text = LEAD + "He noted that the dairy's order entry has increased from the low levels of the early summer."
    assert triggers(text) == []


def test_he_who_does_something_is_the_storys_subject_not_the_spokesman_last_quoted():
    text = (
        "Police are hunting Karl Brenner over the fire. Brenner, 44, fled in March. Brenner's car was found "
        "in Leeds. Inspector Tom Hale said the search goes on. He was last seen on Nov. 3 in York."
    )
    seen = [c for c in read(text).citations if c.trigger.text == "seen"]
    assert seen and seen[0].title.startswith("Karl Brenner")


def test_a_lead_figure_for_a_quarter_is_undated_and_a_state_keeps_its_word():
    text = "Dairy earnings soared 33% to a record in the fiscal first quarter. Milk is cheap. Cows eat."
    lead = read(text).citations[0]
    assert (lead.rule, lead.timex) == ("lead_event", None)
    (c,) = read(LEAD + "By mid afternoon, police were saying the siege was over.").citations
    assert c.title.endswith("siege was over")


def test_a_lead_planning_something_on_a_date_is_expected_then():
    text = "The dairy plans to redeem on Nov. 16 its $15 million of bonds due March 1, 2031. Milk is cheap. Cows eat."
    lead = read(text).citations[0]
    assert (lead.factuality, lead.timex.text) == ("expected", "Nov. 16")


def test_he_is_the_person_mentioned_most_even_when_the_model_names_him_once():
    text = (
        "Maria Santos, the head of the dairy, said on Monday she would take medical leave. Markets were shut "
        "in honor of Martin Luther King. It is the third time that Santos, aged 55, has taken leave. "
        "She fought cancer in 2004."
    )
    fought = [c for c in read(text).citations if c.trigger.text == "fought"]
    assert fought and fought[0].title.startswith("Maria Santos")


def test_a_lead_warning_of_a_quarterly_loss_is_news_but_a_forecast_of_others_losses_is_not():
    text = "The dairy said it expects to report a third-quarter loss of $4 million. Milk is cheap. Cows eat."
    lead = read(text).citations[0]
    assert (lead.rule, lead.timex, lead.title) == (
        "lead_event",
        None,
        "Dairy says it expects to report third-quarter loss",
    )


def test_a_bare_noun_title_needs_a_name_and_an_xcomp_keeps_its_particle():
    assert triggers(LEAD + "Monday's email announcement marked the third time the dairy has closed.") == []
    text = "The dairy's founder, Maria Santos, has chosen to step down. Milk is cheap. Cows eat."
    assert read(text).citations[0].title.endswith("chooses to step down")


def test_what_was_announced_in_a_memo_is_what_was_said_even_when_the_parse_hangs_it_on_the_memo():
    text = "Maria Santos, the head of the dairy, announced Monday in an internal memo that she would be on leave."
    (c,) = read(text).citations
    assert "would be on leave" in c.title


def test_a_price_apiece_is_market_data():
    assert triggers(LEAD + "The dairy's stock traded at $14 apiece this summer.") == []


def test_a_date_that_only_says_which_thing_gives_way_to_the_next():
    (c,) = read(LEAD + "Her 1987 Ford Escort was found last month at the airport, the police said.").citations
    assert c.timex.text == "last month"


def test_they_who_act_are_the_people_named_before_not_a_thing():
    text = (
        "The first lab tests linked the hair to Karl Brenner. Brenner has eluded authorities since they "
        "obtained a warrant for him on Oct. 23. It rained."
    )
    obtained = [c for c in read(text).citations if c.trigger.text == "obtained"]
    assert obtained and obtained[0].title.startswith("Authorities obtain warrant")
