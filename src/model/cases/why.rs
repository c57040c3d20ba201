//! Why each reform was made and what its sources say it achieved: the problems the documents
//! name, and the outcomes they report, each quoted as the document writes it (`shared/domain/
//! cases.md`, section 6 and the outcomes in sections 1–5). Shown on each case's page as reported
//! by the sources, never as anything the model computes.
//!
//! An outcome a variant's `reported` list already holds (with its figure) is named here by its
//! quote and read from there (`Outcome::Reported`), so the quote and the figure live in one place.

use crate::i18n::Text;
use crate::model::cases::{tianjin, zhejiang, CaseId, Reported};
use crate::model::source::Source;

/// A passage quoted from a seed document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// The document's number ("000"…), as `Source::Seed::doc`.
    pub doc: &'static str,
    /// The passage as the document writes it (traditional characters in 003).
    pub quote: &'static str,
    /// What it says, in a few words, in both languages.
    pub label: Text,
    /// The whole passage in English.
    pub en: &'static str,
}

/// An outcome a source reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A figure one of the case's variants reports (`Variant::reported`), named by its quote.
    Reported(&'static str),
    /// A passage quoted here, which no variant's figures hold.
    Quoted(Quoted),
}

/// A case's problems and outcomes, in the order shown.
#[derive(Clone, Copy, Debug)]
pub struct Why {
    pub problems: &'static [Quoted],
    pub outcomes: &'static [Outcome],
    /// Why there are no outcomes, where the source reports none.
    pub no_outcomes: Option<Text>,
}

/// One item as the page shows it: a problem, or an outcome with its figure when a variant
/// reports one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Said {
    pub doc: &'static str,
    pub quote: &'static str,
    pub label: Text,
    /// The passage in English (none for a reported figure: its label and figure say it).
    pub en: Option<&'static str>,
    /// The reported figure the passage gives, when a variant of the case holds it.
    pub reported: Option<&'static Reported>,
}

impl Said {
    /// The script the quote is written in, for its `lang` attribute (as `Source::quote_lang`).
    pub fn quote_lang(&self) -> &'static str {
        Source::seed(self.doc, self.quote)
            .quote_lang()
            .unwrap_or("zh-Hans")
    }
}

impl From<&Quoted> for Said {
    fn from(q: &Quoted) -> Said {
        Said {
            doc: q.doc,
            quote: q.quote,
            label: q.label,
            en: Some(q.en),
            reported: None,
        }
    }
}

/// The case's problems and outcomes: its model's (`CaseModel::why`), so that each case's are in
/// its part of the wasm with the rest of its model (none while that is not loaded).
pub fn of(case: CaseId) -> &'static Why {
    const NONE: Why = Why {
        problems: &[],
        outcomes: &[],
        no_outcomes: None,
    };
    case.model().map_or(&NONE, |m| m.why)
}

/// Scopes that draw another model than the case's own reform (document 001's related models,
/// `cases::related`): for them the panel first says that what it lists is the case's reform's.
const NOT_THIS_REFORM: &[(CaseId, &str, Text)] = &[(
    CaseId::Daqing,
    "yunnan",
    Text::new(
        "这个范围画的是资料 001 所述的相关模式（云南“三队一组”），不是大庆的改革。下列问题和成效是大庆的改革和一般县局的（资料 000、001）；资料没有为云南的模式列出问题或成效。",
        "This scope draws a related model that document 001 describes (Yunnan's three teams, one group), not Daqing's reform. The problems and outcomes below are those of Daqing's reform and of county bureaus in general (documents 000 and 001); the sources name none for Yunnan's model.",
    ),
)];

/// What the panel says first when `variant` of `case` draws another model than the case's reform.
pub fn not_this_reform(case: CaseId, variant: &str) -> Option<Text> {
    NOT_THIS_REFORM
        .iter()
        .find(|(c, v, _)| *c == case && *v == variant)
        .map(|(_, _, t)| *t)
}

/// The problems the case's sources name.
pub fn problems(case: CaseId) -> Vec<Said> {
    of(case).problems.iter().map(Said::from).collect()
}

/// The outcomes the case's sources report, each reported figure read from the variant that
/// holds it (an `Outcome::Reported` that no variant holds is left out; `tests/why.rs` checks
/// that none is).
pub fn outcomes(case: CaseId) -> Vec<Said> {
    of(case)
        .outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Quoted(q) => Some(Said::from(q)),
            Outcome::Reported(quote) => reported(case, quote).map(|(doc, r)| Said {
                doc,
                quote,
                label: r.label,
                en: None,
                reported: Some(r),
            }),
        })
        .collect()
}

/// The first reported figure of `case`'s variants whose source is `quote`, with its document.
fn reported(case: CaseId, quote: &str) -> Option<(&'static str, &'static Reported)> {
    case.variants()
        .iter()
        .flat_map(|v| v.reported)
        .find_map(|r| match r.source {
            Source::Seed { doc, quote: q } if q == quote => Some((doc, r)),
            _ => None,
        })
}

const fn quoted(doc: &'static str, quote: &'static str, label: Text, en: &'static str) -> Quoted {
    Quoted {
        doc,
        quote,
        label,
        en,
    }
}

pub const DAQING: Why = Why {
    problems: &[
        quoted(
            "000",
            "从分局局长到民警大体要经过局长、副局长、大队长、副大队长、中队长、警长、民警7个层次",
            Text::new("指挥链条长：7 个层次", "A long command chain: 7 ranks"),
            "From the sub-bureau chief to an officer, an order passed through about 7 ranks: chief, deputy chief, brigade leader, deputy brigade leader, squadron leader, sergeant, officer.",
        ),
        quoted(
            "001",
            "有的派出所13人中,指挥3人,行政事务4人,真正在工作一线的也就6个人",
            Text::new(
                "指挥、行政多，一线少：13 人中 6 人在一线",
                "Heavy on command and administration: 6 of 13 on the front line",
            ),
            "In some stations, of 13 people 3 were in command and 4 in administration; only 6 really worked on the front line.",
        ),
        quoted(
            "001",
            "内设机构繁多,部门分工过细,警种职能单一,在运行中暴露出头重脚轻,部门之间职能交叉,各自为政,多头管理,推诿扯皮,效率不高,机构臃肿等一系列问题",
            Text::new(
                "县级公安机关普遍：头重脚轻、机构臃肿",
                "County bureaus in general: top-heavy and bloated",
            ),
            "Too many internal units, work divided too finely, single-purpose police branches; in operation they proved top-heavy, with overlapping functions, each department going its own way, many bosses, buck-passing, low efficiency and bloated units.",
        ),
        quoted(
            "001",
            "指挥层级过多,专业化不强,机关与基层警力倒挂",
            Text::new(
                "公安机关普遍：机关与基层警力倒挂",
                "Police bureaus in general: more officers in headquarters than at the base",
            ),
            "Too many command levels, too little specialisation, and officers concentrated in headquarters rather than at the base (the staffing turned upside down).",
        ),
        quoted(
            "000",
            "全市一线干警有了大幅增加,但我市基层绝对警力仍然不足",
            Text::new(
                "改革后仍在：基层警力不足",
                "Still there after the reform: too few officers at the base",
            ),
            "The city's frontline officers increased greatly, but the number of officers at the base is still not enough.",
        ),
    ],
    outcomes: &[
        Outcome::Quoted(quoted(
            "000",
            "2009年,发生抢劫案434起、命案59起、扒窃案198起,比2004年的1937起、158起、3287起,分别下降77.6%、62.7%、78%",
            Text::new(
                "抢劫、命案、扒窃案件：2004 → 2009 年",
                "Robberies, homicides, pickpocketing: 2004 → 2009",
            ),
            "In 2009 there were 434 robberies, 59 homicides and 198 pickpocketing cases, against 1,937, 158 and 3,287 in 2004: down 77.6 %, 62.7 % and 78 %.",
        )),
        Outcome::Quoted(quoted(
            "000",
            "全市命案年均破案率达到95.4%,比改革前的76.6%提高了18.8个百分点",
            Text::new("命案破案率 76.6% → 95.4%", "Homicide clearance 76.6 % → 95.4 %"),
            "The city's yearly homicide clearance rate reached 95.4 %, 18.8 points above the 76.6 % before the reform.",
        )),
        Outcome::Quoted(quoted(
            "000",
            "破获刑事案件16697起、抓获刑事作案成员5374人,比改革前2004年的9787起、3975人分别提高70.6%、35.2%",
            Text::new(
                "破获刑事案件 9,787 → 16,697 起",
                "Criminal cases solved 9,787 → 16,697",
            ),
            "(In 2009) 16,697 criminal cases were solved and 5,374 offenders caught: 70.6 % and 35.2 % more than the 9,787 and 3,975 of 2004, before the reform.",
        )),
        Outcome::Quoted(quoted(
            "000",
            "公安机关对12.5万名群众进行民意测评,群众对公安工作满意率达到98.3%",
            Text::new("群众满意率 98.3%", "Public satisfaction 98.3 %"),
            "The police surveyed 125,000 residents; satisfaction with police work reached 98.3 %.",
        )),
        Outcome::Quoted(quoted(
            "000",
            "整体执法质量连续五年位居全省第一",
            Text::new(
                "执法质量连续五年全省第一",
                "Law enforcement first in the province five years running",
            ),
            "The overall quality of law enforcement ranked first in the province five years in a row.",
        )),
    ],
    no_outcomes: None,
};

pub const ZHEJIANG: Why = Why {
    problems: &[
        quoted(
            "002",
            "警种林立、一线警力短缺、上下左右联动合成不力、队伍凝聚力向心力下降",
            Text::new(
                "警种林立、一线警力短缺",
                "Too many police branches, too few officers on the front line",
            ),
            "A forest of police branches, too few officers on the front line, weak coordination up, down and across, and a force losing its cohesion.",
        ),
        quoted(
            "002",
            "原有机构臃肿、警力紧缺、运行不畅",
            Text::new(
                "试点单位：机构臃肿、警力紧缺",
                "In the pilot bureaus: bloated units, short of officers",
            ),
            "The old structure was bloated, short of officers and ran poorly.",
        ),
        quoted(
            "002",
            "指挥员多、战斗员少",
            Text::new("指挥员多、战斗员少", "More commanders than fighters"),
            "The internal units of grassroots bureaus had many commanders and few fighters.",
        ),
        quoted(
            "002",
            "去除机关化、官化和碎片化",
            Text::new(
                "机关化、官化、碎片化",
                "Office-bound, bureaucratic, fragmented",
            ),
            "To be removed: office-bound ways, officialdom and fragmentation.",
        ),
    ],
    outcomes: &[
        Outcome::Quoted(quoted(
            "002",
            "浦江县和嘉兴市南湖区警情下降、群众满意度均跃升至全市第一",
            Text::new(
                "警情下降，群众满意度升至全市第一",
                "Fewer incidents; public satisfaction first in the city",
            ),
            "In Pujiang county and Jiaxing's Nanhu district, incidents fell and public satisfaction rose to first in the city.",
        )),
        Outcome::Reported(zhejiang::Q_PJ_INCIDENTS),
        Outcome::Quoted(quoted(
            "002",
            "侵财类案件已占到片区刑侦队所办刑案的7成以上",
            Text::new(
                "南湖：侵财“小案”有人办，占片区刑侦队刑案七成以上",
                "Nanhu: small property cases taken up, over 70 % of the area teams' cases",
            ),
            "Property crimes now make up over 70 % of the criminal cases the area investigation teams handle.",
        )),
    ],
    no_outcomes: None,
};

pub const TIANJIN: Why = Why {
    problems: &[
        quoted(
            "003",
            "機構臃腫、職能交叉、警力分散,長期制約著公安系統的運行效能",
            Text::new(
                "机构臃肿、职能交叉、警力分散",
                "Bloated units, overlapping functions, scattered officers",
            ),
            "Bloated units, overlapping functions and scattered officers had long held back how well the police system worked.",
        ),
        quoted(
            "003",
            "體制性障礙、結構性矛盾、機制性短板、深層次問題",
            Text::new(
                "体制性障碍、结构性矛盾",
                "Obstacles built into the system and its structure",
            ),
            "Institutional obstacles, structural contradictions, weak mechanisms, deep-seated problems.",
        ),
        quoted(
            "003",
            "制約基層警務的粗放型工作模式",
            Text::new(
                "派出所粗放型的工作模式",
                "A loosely organised way of working at the stations",
            ),
            "The extensive, loosely organised way of working that held back grassroots policing.",
        ),
    ],
    outcomes: &[
        Outcome::Reported(tianjin::Q_RATING),
        Outcome::Quoted(quoted(
            "003",
            "較2019年、2018年分別提高6.27分和9.88分",
            Text::new(
                "评议得分比 2019 年高 6.27 分、比 2018 年高 9.88 分",
                "Rating 6.27 points above 2019 and 9.88 above 2018",
            ),
            "6.27 and 9.88 points higher than in 2019 and 2018.",
        )),
        Outcome::Reported(tianjin::Q_FRAUD),
        Outcome::Quoted(quoted(
            "003",
            "全市刑事警情保持逐年下降,現行命案、槍案、綁架案連續6年全破",
            Text::new(
                "刑事警情逐年下降，命案、枪案、绑架案连续 6 年全破",
                "Criminal incidents down every year; homicides, shootings, kidnappings all solved 6 years running",
            ),
            "Criminal incidents in the city kept falling year on year; current homicide, gun and kidnapping cases have all been solved 6 years in a row.",
        )),
    ],
    no_outcomes: None,
};

pub const HAIDONG: Why = Why {
    problems: &[
        quoted(
            "004",
            "警力与警情不相匹配、警力与承担警务工作量不相匹配、警务工作点多面广忙闲不均",
            Text::new(
                "01 警力与警情、工作量不匹配，忙闲不均",
                "01 Officers do not match incidents or workload; some busy, some idle",
            ),
            "Officers do not match the incidents, nor the workload they carry; police work is spread over many places, some busy and others idle.",
        ),
        quoted(
            "004",
            "机关资源人才悬浮不接地气,县局副职与警种副职只有条线指导没有“责任田”压责",
            Text::new(
                "02 机关人才悬浮，副职没有“责任田”",
                "02 Headquarters talent floats above the ground; deputies have no area of their own",
            ),
            "Headquarters' resources and talent float above the ground; the county bureau's and the branches' deputy heads only guide their lines of work and answer for no “field of responsibility”.",
        ),
        quoted(
            "004",
            "基层党建阵地功能不完善、党支部设置不合理",
            Text::new(
                "03 基层党支部设置不合理",
                "03 Party branches poorly set up at the base",
            ),
            "Grassroots Party-building sites lack functions, and Party branches are not set up sensibly.",
        ),
        quoted(
            "004",
            "农区派出所“两队一室”改革流于形式,情指行一体化运行滞涩,派出所“小案无人办、办案周期长、群众不满意”和 “防不胜防、打不胜打”",
            Text::new(
                "04 小案无人办、办案周期长",
                "04 Small cases nobody handles, slow cases",
            ),
            "In rural stations the “two teams, one office” reform stayed on paper and intelligence, command and action did not run as one; stations had “small cases nobody handles, long case times, unhappy residents” and “too much to prevent, too much to strike”.",
        ),
        quoted(
            "004",
            "基层警力严重不足,群防群治力量薄弱,打防管控效能低下,应急处突力量分散,社区防控结构单一",
            Text::new(
                "05 基层警力严重不足，应急力量分散",
                "05 Far too few officers at the base; emergency forces scattered",
            ),
            "Officers at the base are severely short, residents' own crime prevention is weak, enforcement and prevention achieve little, emergency forces are scattered, and community prevention rests on one structure only.",
        ),
    ],
    outcomes: &[],
    no_outcomes: Some(Text::new(
        "资料是 2023 年出台改革的指导意见，尚未报告成效。",
        "The source is the 2023 guidance that launches the reform: it reports no outcomes yet.",
    )),
};
