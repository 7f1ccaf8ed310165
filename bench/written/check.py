"""The format check of a written check set: python3 bench/written/check.py bench/written/SET

Every line parses, keys are exact, ids are sequential, urls unique, belligerents, regions and
assessments are from the allowed lists, every doc id exists, every report is in exactly one
incident, no report predates its incident, and every incident's coordinates, where the writer
gave them (null: a village whose position the writer was not sure of), lie within 10 km of a row
of the Who's On First gazetteer (../shared/data/gazetteer/wof-sy.tsv beside the project)."""
import json, sys, re, csv, math
from pathlib import Path
d = sys.argv[1]; s = d.rstrip('/').split('/')[-1]
arts = [json.loads(l) for l in open(f'{d}/articles.jsonl')]
incs = [json.loads(l) for l in open(f'{d}/incidents.jsonl')]
err = []
AK = {'id','outlet','published','source_type','url','text'}
IK = {'internal_id','incident_date','location','location_ar','latitude','longitude','region','region_ar','alleged_belligerent','strike_type','assessment','civilian_deaths_min','civilian_deaths_max','civilian_injuries_min','civilian_injuries_max','doc_ids','notes'}
ST = {'news_article', 'ngo_report', 'government_or_military_statement', 'other_web_page', 'monitor','agency','opposition','kurdish','state','army','local','humanitarian'}
BEL = {"Russian Military","Syrian Regime","U.S.-led Coalition","Turkish Military","Israeli Military","Syrian Democratic Forces","YPG","Jordanian Military","Iranian Military","Hayat Tahrir al-Sham","Syrian Democratic Forces (SDF)","Unknown","ISIS","Hezbollah","Iran-backed militias"}
REG = {"Aleppo","Idlib","Hasakah","Raqqa","Deir ez-Zor","Hama","Homs","Latakia","Daraa","Quneitra","Rif Dimashq","Damascus","Tartus","As-Suwayda","Suwayda"}
ASS = {"Confirmed","Fair","Weak","Contested","Discounted"}
ids, urls = {}, set()
for n, a in enumerate(arts, 1):
    if set(a) != AK: err.append(('keys', a.get('id')))
    if a['id'] != f'w-{s}-{n:03d}': err.append(('id', a['id']))
    if not a['url'].startswith('https://') or a['url'] in urls: err.append(('url', a['id']))
    urls.add(a['url'])
    if a['source_type'] not in ST: err.append(('st', a['id']))
    if not re.fullmatch(r'\d{4}-\d\d-\d\d', a['published']): err.append(('pub', a['id']))
    ids[a['id']] = a
seen = {}
wof = [(float(r['lat']), float(r['lon'])) for r in csv.DictReader(open(Path(__file__).resolve().parents[3] / 'shared' / 'data' / 'gazetteer' / 'wof-sy.tsv'), delimiter='\t') if r['lat']]
def near_wof(lat, lon):
    return any(math.hypot((lat - a) * 111, (lon - b) * 111 * math.cos(math.radians(lat))) <= 10 for a, b in wof)
for n, i in enumerate(incs, 1):
    if set(i) != IK: err.append(('ikeys', i.get('internal_id')))
    if i['internal_id'] != f'w-{s}-i{n:02d}': err.append(('iid', i['internal_id']))
    for b in i['alleged_belligerent'].split(', '):
        if b not in BEL: err.append(('bel', i['internal_id'], b))
    if i['region'] not in REG: err.append(('reg', i['internal_id']))
    if i['assessment'] not in ASS: err.append(('ass', i['internal_id']))
    for k in ('deaths', 'injuries'):  # null max: "at least" the min
        lo, hi = i[f'civilian_{k}_min'], i[f'civilian_{k}_max']
        if (lo is None and hi is not None) or (lo is not None and (lo < 0 or hi is not None and hi < lo)): err.append(('range', i['internal_id'], k))
    if i['incident_date'] > '2024-12-08' and 'Syrian Regime' in i['alleged_belligerent']: err.append(('regime-after', i['internal_id']))
    if i['latitude'] is not None and not near_wof(i['latitude'], i['longitude']): err.append(('coords-far-from-wof', i['internal_id']))
    for dd in i['doc_ids']:
        if dd not in ids: err.append(('missing-doc', i['internal_id'], dd))
        elif ids[dd]['published'] < i['incident_date']: err.append(('pub-before-incident', dd))
        seen.setdefault(dd, []).append(i['internal_id'])
for a in ids:
    if len(seen.get(a, [])) != 1: err.append(('doc-not-in-exactly-one', a, seen.get(a)))
print(len(arts), 'articles', len(incs), 'incidents', 'errors:', err or 'none')
from collections import Counter
print(Counter(i['assessment'] for i in incs), Counter(len(i['doc_ids']) for i in incs))
