import json, sys, re, datetime, csv
d = sys.argv[1]
arts = [json.loads(l) for l in open(f'{d}/articles.jsonl', encoding='utf-8')]
incs = [json.loads(l) for l in open(f'{d}/incidents.jsonl', encoding='utf-8')]
AK = {"id","outlet","published","source_type","url","text"}
IK = ["internal_id","incident_date","location","location_ar","latitude","longitude","region","region_ar",
      "alleged_belligerent","strike_type","assessment","civilian_deaths_min","civilian_deaths_max",
      "civilian_injuries_min","civilian_injuries_max","doc_ids","notes"]
ST = {"monitor","agency","opposition","kurdish","state","army","local","humanitarian"}
BEL = {"Russian Military","Syrian Regime","U.S.-led Coalition","Turkish Military","Israeli Military",
       "Syrian Democratic Forces","YPG","Jordanian Military","Iranian Military","Hayat Tahrir al-Sham"}
REG = {"Aleppo","Idlib","Hasakah","Raqqa","Deir ez-Zor","Hama","Homs","Latakia","Daraa","Quneitra","Rif Dimashq",
       "Damascus","Tartus","As-Suwayda"}
err = []
ids = [a["id"] for a in arts]
if len(set(ids)) != len(ids): err.append("duplicate article ids")
for n, a in enumerate(arts, 1):
    if set(a) != AK: err.append(f"{a.get('id')} keys {set(a)^AK}")
    if a["id"] != f"w-f-{n:03d}" or a["url"] != f"https://written.invalid/f/{n:03d}": err.append(f"id/url {a['id']}")
    if a["source_type"] not in ST: err.append(f"{a['id']} source_type")
    datetime.date.fromisoformat(a["published"])
seen = {}
wof = {}
for r in csv.reader(open('/work/shared/data/gazetteer/wof-sy.tsv', encoding='utf-8'), delimiter='\t'):
    if r[0] != 'wof_id': wof.setdefault((r[6], r[7]), r)
for n, i in enumerate(incs, 1):
    if list(i) != IK: err.append(f"{i.get('internal_id')} keys")
    if i["internal_id"] != f"w-f-i{n:02d}": err.append(f"internal_id {i['internal_id']}")
    dt = datetime.date.fromisoformat(i["incident_date"])
    for b in i["alleged_belligerent"].split(", "):
        if b not in BEL: err.append(f"{i['internal_id']} belligerent {b}")
    if i["region"] not in REG: err.append(f"{i['internal_id']} region")
    if i["assessment"] not in {"Confirmed","Fair","Weak","Contested","Discounted"}: err.append("assessment")
    if not (0 <= i["civilian_deaths_min"] <= i["civilian_deaths_max"]): err.append(f"{i['internal_id']} deaths")
    if not (0 <= i["civilian_injuries_min"] <= i["civilian_injuries_max"]): err.append(f"{i['internal_id']} injuries")
    if (f"{i['latitude']:.5f}", f"{i['longitude']:.5f}") not in wof: err.append(f"{i['internal_id']} coords not in WoF")
    for doc in i["doc_ids"]:
        if doc not in ids: err.append(f"{i['internal_id']} missing doc {doc}")
        if doc in seen: err.append(f"{doc} in {seen[doc]} and {i['internal_id']}")
        seen[doc] = i["internal_id"]
        a = arts[ids.index(doc)]
        lag = (datetime.date.fromisoformat(a["published"]) - dt).days
        if not 0 <= lag <= 30: err.append(f"{doc} published {lag} days from incident")
for a in ids:
    if a not in seen: err.append(f"{a} in no incident")
print(f"{len(arts)} articles, {len(incs)} incidents, {len(seen)} doc links")
from collections import Counter
print("assessments", Counter(i["assessment"] for i in incs))
print("regions", len({i["region"] for i in incs}), Counter(i["region"] for i in incs))
print("reports per incident", [len(i["doc_ids"]) for i in incs])
print("source types", Counter(a["source_type"] for a in arts))
print("ERRORS:", err if err else "none")
sys.exit(1 if err else 0)
