"""Long scripts for benchmarks and tests, generated deterministically (no real script is copied).

`feature_fountain()` is a ~120-page feature in Fountain; `series_zh(episodes)` a Chinese micro-drama
of about six scenes an episode in the Chinese layout.
"""

from __future__ import annotations

import random

PLACES = [
    "STERLING TOWER - CEO OFFICE",
    "STERLING TOWER - LOBBY",
    "CHLOE'S APARTMENT",
    "STERLING MANSION - GARDEN",
    "HOSPITAL - VIP ROOM",
    "ROOFTOP BAR",
    "MALIBU BEACH HOUSE",
    "SILVER LAKE COFFEE CART",
    "POLICE STATION - INTERVIEW ROOM",
]
PEOPLE = ["ETHAN", "CHLOE", "VIVIAN", "GRACE", "LEO", "DR. OKAFOR", "MARCUS", "HELEN", "DETECTIVE ALVAREZ"]
ACTION = [
    "Rain streaks the glass. The city hums below, indifferent to everything happening in this room.",
    "{a} crosses to the window and stares out at nothing for a long moment.",
    "A phone buzzes on the table. Nobody reaches for it.",
    "{a} slides a folder across the desk. It stops an inch from the edge.",
    "Silence. The kind that costs money.",
]
LINES = [
    "You read the contract. Every page. So don't pretend you didn't know.",
    "I didn't marry you for your name.",
    "Then what did you marry me for?",
    "The board votes on Friday. If we lose, we lose everything, and I mean everything.",
    "Tell me the truth, just once.",
    "Leave. Before I change my mind.",
]
PARENTHETICALS = ["(quietly)", "(beat)", "(not looking up)", "(into the phone)"]

ZH_PLACES = [
    "斯特林大厦·总裁办公室",
    "斯特林大厦·大堂",
    "克洛伊公寓",
    "斯特林庄园·花园",
    "医院·VIP病房",
    "天台酒吧",
    "马里布海滨别墅",
    "银湖咖啡车",
]
ZH_PEOPLE = ["伊森", "克洛伊", "薇薇安", "格蕾丝", "里奥", "奥卡福医生", "马库斯", "海伦"]
ZH_ACTION = [
    "落地窗外是洛杉矶的天际线，灯火一片。",
    "{a}把合同拍在桌上，每一页都写满了红字。",
    "电话在桌上震动，没有人去接。",
    "{a}转身走向窗边，沉默良久。",
]
ZH_LINES = [
    "合同你看过了，每一页都看过。",
    "我嫁给你不是为了你的姓。",
    "那你是为了什么？",
    "董事会周五投票，如果输了，我们就什么都没有了。",
    "就这一次，跟我说实话。",
    "走吧，趁我还没改变主意。",
]


def feature_fountain(scenes: int = 160, seed: int = 1) -> str:
    rng = random.Random(seed)
    out = ["Title: The Long Night", "Credit: Written by", "Author: Generated for benchmarks", ""]
    for number in range(1, scenes + 1):
        time = rng.choice(["DAY", "NIGHT", "DUSK", "CONTINUOUS"])
        out += [f"{rng.choice(['INT.', 'EXT.'])} {rng.choice(PLACES)} - {time} #{number}#", ""]
        cast = rng.sample(PEOPLE, 3)
        for _ in range(rng.randint(2, 4)):
            out += [rng.choice(ACTION).format(a=cast[0].title()), ""]
            for _ in range(rng.randint(1, 3)):
                speaker = rng.choice(cast)
                out.append(speaker + (" (V.O.)" if rng.random() < 0.05 else ""))
                if rng.random() < 0.3:
                    out.append(rng.choice(PARENTHETICALS))
                out += [rng.choice(LINES), ""]
        if rng.random() < 0.2:
            out += ["CUT TO:", ""]
    return "\n".join(out)


def series_zh(episodes: int = 100, seed: int = 1) -> str:
    rng = random.Random(seed)
    out = ["《长夜》", "编剧：生成", ""]
    for episode in range(1, episodes + 1):
        out += [f"第{episode}集", ""]
        for scene in range(1, rng.choice([5, 6, 6, 7]) + 1):
            cast = rng.sample(ZH_PEOPLE, 3)
            out += [
                f"{episode}-{scene} {rng.choice(['日', '夜'])} {rng.choice(['内', '外'])} {rng.choice(ZH_PLACES)}",
                "人物：" + "、".join(cast),
            ]
            for _ in range(rng.randint(2, 4)):
                out.append("△" + rng.choice(ZH_ACTION).format(a=cast[0]))
                speaker = rng.choice(cast)
                emotion = "（低声）" if rng.random() < 0.3 else ""
                out.append(f"{speaker}{emotion}：{rng.choice(ZH_LINES)}")
            out.append("")
    return "\n".join(out)
