//! Who the household is: a label (户名或备注, never an ID number), the accounting date, and
//! the household size — typed as a number, or member by member (relation, age, labour capacity;
//! a name only if the cadre wants it on the printed sheet, and it never leaves the device).

use bangfu_policy::calc::income::LABOUR;
use yew::prelude::*;

use super::state::{Action, Field, MemberField};
use super::{error_at, warning_at, Ctx};
use crate::ui::field::{select_field, SelectField, TextField};

pub fn set(ctx: &Ctx, field: Field) -> Callback<String> {
    let dispatch = ctx.form.dispatcher();
    Callback::from(move |v: String| dispatch.dispatch(Action::Set(field, v)))
}

fn labour_options() -> Vec<(AttrValue, AttrValue)> {
    std::iter::once(("", "请选择"))
        .chain(LABOUR)
        .map(|(v, l)| (AttrValue::Static(v), AttrValue::Static(l)))
        .collect()
}

/// The household part of the form. A plain function (no hooks), so it costs no component of
/// its own in the bundle.
pub fn household_view(ctx: &Ctx) -> Html {
    let form = &*ctx.form;
    let r = &ctx.response;
    let size_field = Field::HouseholdSize.path();
    let toggle = |on: bool| {
        let dispatch = ctx.form.dispatcher();
        Callback::from(move |_: Event| dispatch.dispatch(Action::SetByMembers(on)))
    };
    let blank_rows: Vec<usize> = (0..form.members.len())
        .filter(|&i| form.member_is_blank(&form.members[i]))
        .collect();
    let members = form.members.iter().enumerate().map(|(i, m)| {
        let key = m.key;
        let blank = form.member_is_blank(m);
        let path = form.member_index(key).map(|n| format!("input.members[{n}]"));
        let err = |leaf: &str| {
            path.as_ref()
                .and_then(|p| error_at(form, r, &format!("{p}.{leaf}")))
        };
        let setm = |field: MemberField| {
            let dispatch = ctx.form.dispatcher();
            Callback::from(move |value: String| dispatch.dispatch(Action::SetMember { key, field, value }))
        };
        let remove = {
            let dispatch = ctx.form.dispatcher();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::RemoveMember(key)))
        };
        html! {
            <li class={classes!("member-row", blank.then_some("member-blank"))} key={key} data-testid={format!("member-{i}")}
                aria-label={format!("第 {} 名成员", i + 1)}>
                <p class="row-number" aria-hidden="true">
                    {format!("第 {} 人", i + 1)}
                    if blank { <span class="bf-note" data-testid={format!("member-blank-{i}")}>{"（空行，未计入人口；不用可删除）"}</span> }
                </p>
                <TextField late_errors={ctx.cadre} id={format!("rel-{key}")} label="与户主关系" value={m.relation.clone()} inputmode="text"
                    list={Some(AttrValue::Static("relations"))} oninput={setm(MemberField::Relation)}
                    testid={format!("member-relation-{i}")} error={err("relation")} />
                <TextField late_errors={ctx.cadre} id={format!("age-{key}")} label="年龄" suffix={Some(AttrValue::Static("岁"))} inputmode="numeric"
                    value={m.age.clone()} oninput={setm(MemberField::Age)} testid={format!("member-age-{i}")} error={err("age")} />
                { select_field(&SelectField { id: format!("lab-{key}").into(), label: "劳动能力".into(), value: m.labour.clone().into(),
                    options: labour_options(), onchange: setm(MemberField::Labour), testid: format!("member-labour-{i}").into(),
                    error: err("labour"), ..Default::default() }) }
                <TextField late_errors={ctx.cadre} id={format!("mname-{key}")} label="姓名（可不填）" value={m.name.clone()} inputmode="text"
                    oninput={setm(MemberField::Name)} testid={format!("member-name-{i}")} />
                <button type="button" class="btn btn-quiet remove" onclick={remove}
                    aria-label={format!("删除第{}名成员", i + 1)} data-testid={format!("remove-member-{i}")}>{"删除"}</button>
            </li>
        }
    });
    let add_member = {
        let dispatch = ctx.form.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::AddMember))
    };
    html! {
        <fieldset class="household" data-testid="household">
            <legend>{"家庭基本情况"}</legend>
            if ctx.cadre {
                <div class="pair">
                    <TextField late_errors={ctx.cadre} id="label" label="户名或备注（可不填，不要填身份证号）" value={form.label.clone()} inputmode="text"
                        oninput={set(ctx, Field::Label)} testid="label" placeholder={Some(AttrValue::Static("如：三组 张家"))} />
                    <TextField late_errors={ctx.cadre} id="date" label="核算日期" value={form.date.clone()} inputmode="text"
                        oninput={set(ctx, Field::Date)} testid="date" />
                </div>
                <div class="toggle" role="radiogroup" aria-label="家庭人口的填法">
                    <label><input type="radio" name="size-mode" checked={!form.by_members} onchange={toggle(false)}
                        data-testid="size-by-number" />{"直接填人数"}</label>
                    <label><input type="radio" name="size-mode" checked={form.by_members} onchange={toggle(true)}
                        data-testid="size-by-members" />{"逐个填写家庭成员"}</label>
                </div>
            }
            if form.by_members {
                <datalist id="relations">
                    { for ["户主", "配偶", "子女", "父母", "儿媳", "女婿", "孙子女", "兄弟姐妹", "其他"].iter()
                        .map(|r| html! { <option value={*r} /> }) }
                </datalist>
                <ol class="member-list">{ for members }</ol>
                <button type="button" class="btn btn-quiet add" onclick={add_member} data-testid="add-member">{"＋ 添加家庭成员"}</button>
                <p class="bf-note" data-testid="member-count">
                    {format!("共同生活的家庭成员 {} 人", form.members.len() - blank_rows.len())}
                    if !blank_rows.is_empty() {
                        {format!("（第 {} 行是空行，没有计入）",
                            blank_rows.iter().map(|i| (i + 1).to_string()).collect::<Vec<_>>().join("、"))}
                    }
                </p>
                if let Some(e) = error_at(form, r, size_field) { <p class="msg msg-error">{e}</p> }
            } else {
                <TextField late_errors={ctx.cadre} id="size" label="家庭人口（共同生活的家庭成员）" suffix={Some(AttrValue::Static("人"))}
                    inputmode="numeric" value={form.household_size.clone()} oninput={set(ctx, Field::HouseholdSize)}
                    testid="household-size" error={error_at(form, r, size_field)} warning={warning_at(r, size_field)} />
            }
        </fieldset>
    }
}
