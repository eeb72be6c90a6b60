//! How the engine cites its sources. "附件2" items are cited by the annex's own title, the
//! main text by the plan's title (the plan: 民农领发〔2024〕9号; read as `docs/policy.md` says).

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
/// 主文 第3条 巩固提升“三保障”和饮水安全保障成果（高考资助、大病保险倾斜等）.
pub const MAIN_ITEM3: &str = "民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点 第3条";
/// 主文 第22条 强化资金投入保障（资金支出进度、小额信贷）.
pub const MAIN_ITEM22: &str = "民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点 第22条";
/// 主文 第20条 强化统筹协调（季度考核）.
pub const MAIN_ITEM20: &str = "民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点 第20条";
/// 附件1 第5条 扎实开展驻村帮扶.
pub const ANNEX1_ITEM5: &str =
    "民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接帮扶工作要点 第5条";
/// 附件1 第8条 落实到户帮扶.
pub const ANNEX1_ITEM8: &str =
    "民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接帮扶工作要点 第8条";
/// 附件2 第4条 一键报贫时限.
pub const ANNEX2_ITEM4: &str = "民勤县2024年防止返贫动态监测和帮扶工作要点 第4条";
/// 附件2 第6条 预警信息每月28日推送.
pub const ANNEX2_ITEM6: &str = "民勤县2024年防止返贫动态监测和帮扶工作要点 第6条";
/// 附件2 第9条 六必访、六必查.
pub const ANNEX2_ITEM9: &str = "民勤县2024年防止返贫动态监测和帮扶工作要点 第9条";
/// 附件2 第10条 11 类风险.
pub const ANNEX2_ITEM10: &str = "民勤县2024年防止返贫动态监测和帮扶工作要点 第10条";
/// 附件2 第12条 一户一策.
pub const ANNEX2_ITEM12: &str = "民勤县2024年防止返贫动态监测和帮扶工作要点 第12条";
/// 附件2 第13条 分类施策.
pub const ANNEX2_ITEM13: &str = "民勤县2024年防止返贫动态监测和帮扶工作要点 第13条、第19条";
/// 附件2 第14条 七不消、风险消除程序.
pub const ANNEX2_ITEM14: &str = "民勤县2024年防止返贫动态监测和帮扶工作要点 第14条";
/// 附件2 第15条 整户无劳动能力暂不标注消除.
pub const ANNEX2_ITEM15: &str = "民勤县2024年防止返贫动态监测和帮扶工作要点 第15条";
/// The national three monitoring types (中农组发〔2021〕7号, as restated by county governments).
pub const NATIONAL_TYPES: &str =
    "中央农村工作领导小组《关于健全防止返贫动态监测和帮扶机制的指导意见》（中农组发〔2021〕7号）";
/// The national risk-elimination standard (facts.md A2).
pub const NATIONAL_ELIMINATION: &str = "防止返贫监测对象风险消除标准（国家口径，县级政府公开文本）";
/// Gansu 一键报贫 (facts.md G).
pub const GANSU_ONE_CLICK: &str = "甘肃省“一键报贫”操作指南（临夏市乡村振兴局 2023-03-22 转发）";
/// The Gansu 2023 provincial 一键报贫 guide's time limits (facts.md G).
pub const GANSU_2023_TIMES: &str =
    "甘肃省“一键报贫”申报须知：5 个工作日核查、5 个工作日反馈、15 个工作日办结";
/// 附件2 第5条 全覆盖排查.
pub const ANNEX2_ITEM5: &str = "民勤县2024年防止返贫动态监测和帮扶工作要点 第5条";
/// 附件2 第8条 先帮扶后认定（绿色通道）.
pub const ANNEX2_ITEM8: &str = "民勤县2024年防止返贫动态监测和帮扶工作要点 第8条";
