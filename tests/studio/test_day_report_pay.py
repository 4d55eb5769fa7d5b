"""A reported day's pay by the rules of a pay preset (studio.day_reports.pay), without a database: one
example worked by hand for each rule, and the order a day's times must keep (time_order)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from studio.day_reports.clock import Span, clock_minutes, span
from studio.day_reports.pay import Band, Deal, PayRules, Shift, counted, day_pay, late_meals
from studio.day_reports.time_order import check_day, check_person
from studio.errors import InvalidInput

D = Decimal
SAG_VERTICALS = PayRules(
    bands=(Band(D(8), D("1.5")), Band(D(10), D(2))),
    increment=6,
    meal_penalties=(D(25), D(35), D(50)),
    rest_minutes=12 * 60,
    forced_call_days=D(1),
)
NON_UNION_12 = PayRules(bands=(Band(D(8), D("1.5")), Band(D(12), D(2))), increment=15)
NON_UNION_AFTER_10 = PayRules(bands=(Band(D(10), D("1.5")),), increment=15)


def at(text: str) -> int:
    return clock_minutes(text)


def shift(call: str, end: str, *meals: str, travel: int = 0) -> Shift:
    return Shift(at(call), at(end), tuple(span(meal) for meal in meals), travel)


def test_tenths_of_an_hour_count_every_part_whole():
    # 7 h 31 min is 451 minutes: 75 tenths and one minute, so 76 tenths (7.6 hours)
    assert counted(451, 6) == 456
    assert counted(450, 6) == 450 and counted(0, 6) == 0


def test_sag_verticals_pays_one_and_a_half_for_the_ninth_and_tenth_hour_and_double_after():
    # Call 07:00, lunch 13:00-13:30, wrap 20:10: 13 h 10 min less the half hour is 760 minutes, counted in
    # tenths as 762 (12.7 hours). The day rate 1800 buys 8 hours (225 an hour): hours 9-10 are
    # 2 × 1.5 × 225 = 675, the 2.7 hours after are 2.7 × 2 × 225 = 1215; overtime 1890.00. (No second meal
    # by 19:30, six hours after lunch: 40 minutes late, two steps, 25 + 35.)
    deal = Deal(D(1800), "USD", "DAY", SAG_VERTICALS)
    pay = day_pay(deal, shift("07:00", "20:10", "13:00-13:30"))
    assert (pay.worked_minutes, pay.counted_minutes, pay.overtime_minutes) == (760, 762, 282)
    assert (pay.base, pay.overtime, pay.meal_penalties) == (D("1800.00"), D("1890.00"), D(60))
    assert pay.total == D("3750.00")


def test_a_non_union_day_pays_time_and_a_half_after_ten_hours_in_quarter_hours():
    # 08:00 to 19:35 less a 30-minute lunch is 11 h 05 min, counted as 11.25 hours; 300 buys 10 hours
    # (30 an hour): 1.25 × 1.5 × 30 = 56.25
    deal = Deal(D(300), "USD", "DAY", NON_UNION_AFTER_10)
    pay = day_pay(deal, shift("08:00", "19:35", "14:00-14:30"))
    assert (pay.counted_minutes, pay.overtime) == (675, D("56.25"))


def test_a_day_rate_under_the_12_hour_preset_pays_time_and_a_half_after_eight():
    # 350 buys 8 hours (43.75 an hour); 12 hours worked: 4 × 1.5 × 43.75 = 262.50
    deal = Deal(D(350), "USD", "DAY", NON_UNION_12)
    assert day_pay(deal, shift("07:00", "19:30", "13:00-13:30")).overtime == D("262.50")


def test_a_12_hour_day_rate_buys_twelve_hours_with_their_overtime_inside_it():
    # 420 for 12 hours under 1.5x after 8: 8 + 4 × 1.5 = 14 straight hours, 30 an hour; a 13-hour day pays
    # its 13th hour at 2 × 30 = 60.00
    deal = Deal(D(420), "USD", "12H_DAY", NON_UNION_12)
    pay = day_pay(deal, shift("07:00", "20:30", "13:00-13:30"))
    assert (pay.counted_minutes, pay.base, pay.overtime) == (780, D("420.00"), D("60.00"))
    assert day_pay(deal, shift("07:00", "19:30", "13:00-13:30")).overtime == 0


def test_an_hourly_rate_pays_its_hours_and_a_week_a_fifth_a_day():
    hourly = Deal(D(25), "USD", "HOUR", PayRules(bands=(Band(D(8), D("1.5")),), increment=15))
    # 10 hours: 8 × 25 = 200, then 2 × 1.5 × 25 = 75
    pay = day_pay(hourly, shift("07:00", "17:30", "12:00-12:30"))
    assert (pay.base, pay.overtime) == (D("200.00"), D("75.00"))
    weekly = Deal(D(2500), "USD", "WEEK", NON_UNION_12)
    assert day_pay(weekly, None).base == D("500.00")
    assert day_pay(Deal(D(9000), "USD", "FLAT", NON_UNION_12), shift("07:00", "22:00")).total == 0


def test_a_preset_without_overtime_pays_the_day_however_long():
    deal = Deal(D(500), "USD", "DAY", PayRules(bands=(Band(D(24), D(1)),), increment=60))
    assert day_pay(deal, shift("06:00", "23:00")).overtime == 0
    assert day_pay(Deal(D(500), "USD", "DAY"), shift("06:00", "23:00")).total == D("500.00")  # no preset


def test_a_late_lunch_costs_25_35_then_50_for_each_half_hour_or_part():
    # Call 07:00: lunch due by 13:00; started 14:10, 70 minutes late: 3 half hours or part: 25 + 35 + 50
    (late,) = late_meals(shift("07:00", "19:00", "14:10-14:40"), SAG_VERTICALS)
    assert (late.due, late.started, late.steps, late.penalty) == (at("13:00"), at("14:10"), 3, D(110))


def test_no_meal_before_the_end_of_work_is_late_until_then():
    # Call 07:00, no meal, out at 14:00: due 13:00, an hour late: 25 + 35
    pay = day_pay(Deal(D(1800), "USD", "DAY", SAG_VERTICALS), shift("07:00", "14:00"))
    assert [(meal.started, meal.steps) for meal in pay.late_meals] == [(None, 2)] and pay.meal_penalties == D(60)


def test_the_next_meal_is_due_six_hours_after_the_last_one_ended():
    # Lunch 12:00-12:30 on time; the second meal is due 18:30; none by the wrap at 20:00: 90 minutes, 3 steps
    meals = late_meals(shift("07:00", "20:00", "12:00-12:30"), SAG_VERTICALS)
    assert [(meal.due, meal.steps, meal.penalty) for meal in meals] == [(at("18:30"), 3, D(110))]
    # The unit's dinner after this person's wrap was not theirs to take: the same
    assert late_meals(shift("07:00", "20:00", "12:00-12:30", "20:30-21:00"), SAG_VERTICALS) == meals


def test_a_preset_without_penalty_amounts_still_counts_late_meals():
    (late,) = late_meals(shift("07:00", "15:00"), NON_UNION_12)
    assert (late.steps, late.penalty) == (4, 0)


def test_a_short_rest_before_the_call_costs_a_day_of_pay():
    # Out at 23:00, called at 07:00: 8 hours' rest where 12 are due: a forced call, one day's pay
    deal = Deal(D(1800), "USD", "DAY", SAG_VERTICALS)
    pay = day_pay(deal, shift("07:00", "15:00", "12:00-12:30"), rest_before=8 * 60)
    assert (pay.rest_minutes, pay.forced_call, pay.penalties) == (480, D("1800.00"), D("1800.00"))
    assert day_pay(deal, shift("07:00", "15:00", "12:00-12:30"), rest_before=12 * 60).forced_call == 0


def test_paid_travel_counts_as_work_and_a_held_day_pays_the_day():
    deal = Deal(D(1800), "USD", "DAY", SAG_VERTICALS)
    # 8 hours on set and an hour's travel: 9 hours, one at 1.5 × 225
    assert day_pay(deal, shift("07:00", "15:30", "12:00-12:30", travel=60)).overtime == D("337.50")
    held = day_pay(deal, None)
    assert (held.base, held.overtime, held.penalties, held.worked_minutes) == (D("1800.00"), 0, 0, 0)


def test_times_after_midnight_are_written_past_24():
    assert clock_minutes("25:30") == clock_minutes("01:30+1") == 25 * 60 + 30
    assert clock_minutes("7:30 pm") == 19 * 60 + 30 and clock_minutes("") is None
    assert span("13:00 – 13:30") == Span(780, 810)
    for bad, message in (
        ("48:00", "not a time on the day's clock"),
        ("13:30-13:00", "ends \\(13:00\\) before it starts"),
    ):
        with pytest.raises(InvalidInput, match=message):
            span(bad) if "-" in bad else clock_minutes(bad)


DAY = {"crew_call": at("07:00"), "shooting_call": at("07:30"), "first_shot": at("08:05"), "camera_wrap": at("19:00")}


@pytest.mark.parametrize(
    ("changes", "lunch", "message"),
    [
        (
            {"camera_wrap": at("06:00")},
            None,
            r"the camera wrap \(06:00\) is before the crew call \(07:00\): a time after midnight is written past "
            r"24:00 \(30:00\)",
        ),
        ({"first_shot": at("07:10")}, None, r"the first shot \(07:10\) is before the shooting call \(07:30\)"),
        ({}, "06:00-20:00", r"the lunch \(06:00–20:00\) is 14:00: a meal is at most 2 hours"),
        ({}, "18:45-19:15", r"the lunch \(18:45–19:15\) is not within the day \(07:00–19:00\)"),
        ({"first_shot_after_lunch": at("13:10")}, "13:00-13:30", r"first shot after lunch \(13:10\) is before"),
    ],
)
def test_the_units_times_out_of_order_are_refused_with_one_message(changes, lunch, message):
    with pytest.raises(InvalidInput, match=message):
        check_day({**DAY, **changes}, span(lunch), None)
    check_day(DAY, span("13:00-13:30"), None)


def test_a_persons_times_out_of_order_are_refused():
    person = {"call": at("06:15"), "makeup": at("06:15"), "on_set": at("07:30"), "wrap": at("19:00")}
    check_person(person, span("12:00-12:30"), None)
    with pytest.raises(InvalidInput, match=r"the wrap \(06:00\) is before the call \(06:15\)"):
        check_person({**person, "on_set": None, "wrap": at("06:00")}, None, None)
    with pytest.raises(InvalidInput, match=r"the second meal \(12:15–12:45\) starts before the first meal ends"):
        check_person(person, span("12:00-12:30"), span("12:15-12:45"))
