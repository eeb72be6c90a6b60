//! How the engine cites its sources. "附件2" items are cited by the annex's own title, the
//! main text by the plan's title (the plan: 民农领发〔2024〕9号, `../shared/policy/`).

/// 附件2 第2条 重点关注收入下降群体.
pub const ANNEX2_ITEM2: &str = "民勤县2024年防止返贫动态监测和帮扶工作要点 第2条";
/// 附件2 第3条 监测范围 7800 元.
pub const ANNEX2_ITEM3: &str = "民勤县2024年防止返贫动态监测和帮扶工作要点 第3条";
/// 附件2 第16条 收入采集：面对面算账、应统尽统.
pub const ANNEX2_ITEM16: &str = "民勤县2024年防止返贫动态监测和帮扶工作要点 第16条";
/// 附件2 第17条 数据质量、疑点数据.
pub const ANNEX2_ITEM17: &str = "民勤县2024年防止返贫动态监测和帮扶工作要点 第17条";
/// 主文 二、主要目标 (“一高于、两提升”).
pub const MAIN_GOALS: &str =
    "民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点 二、主要目标";
/// 《民法典》第二百零一条: the start day is not counted.
pub const CIVIL_CODE_201: &str = "《中华人民共和国民法典》第二百零一条（开始的当日不计入）";
